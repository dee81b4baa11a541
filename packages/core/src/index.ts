export * from './earth/constants.js';
export * from './earth/model.js';
export * from './errors.js';
export * from './units.js';
