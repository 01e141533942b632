/** Name of the generator recorded in every draft and manifest. */
export const DRAFT_GENERATOR_NAME = 'magnolia-draft';

/** Version of the draft format; bump it when the output of the same input changes. */
export const DRAFT_GENERATOR_VERSION = '2.0.0';
