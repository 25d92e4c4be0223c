import { nodeHostDriver } from './drivers/node-driver';
import { describeContract } from './suite';

describeContract(nodeHostDriver);
