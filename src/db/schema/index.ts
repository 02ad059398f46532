export * from './places.js';
export * from './participants.js';
export * from './items.js';
export * from './updates.js';
export * from './organisations.js';
export * from './offers.js';
export * from './matches.js';
export * from './outbox.js';
