/**
 * Schema, parser and region catalogue of environments.yaml, the fleet file
 * that every plugin of the multi-cloud fleet suite reads.
 *
 * @packageDocumentation
 */

export * from './constants';
export * from './regions';
export * from './schema';
export * from './flavours';
export * from './fleet';
export * from './kubernetes';
export * from './status';
export * from './parse';
export { parseCidr, cidrsOverlap, type Cidr } from './cidr';
export { closestMatches, editDistance } from './text';
