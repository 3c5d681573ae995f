/**
 * SLO model of the multi-cloud fleet suite.
 *
 * @packageDocumentation
 */
export * from './api';
export * from './constants';
export * from './definition';
