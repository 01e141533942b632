export { buildBatch } from './batch.js';
export { verifyReceipt } from './verify.js';
