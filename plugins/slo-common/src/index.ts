/**
 * SLO model of the multi-cloud fleet suite.
 *
 * @packageDocumentation
 */
export * from './api';
export * from './constants';
export * from './definition';
export * from './duration';
export * from './burnRate';
export * from './promql';
export * from './parse';
export * from './rules';
