import { registerBlockType } from '@wordpress/blocks';
import metadata from './block.json';
import { MembershipEdit } from './edit';

// Dynamic block: render.php draws it on every view, so save() stores nothing but the attributes.
registerBlockType(metadata.name, { edit: MembershipEdit, save: () => null });
