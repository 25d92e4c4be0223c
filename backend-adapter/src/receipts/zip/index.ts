export { zipStored, crc32, type ZipEntry } from './zip-writer';
