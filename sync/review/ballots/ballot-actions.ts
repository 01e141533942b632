/**
 * The proposal history's action names of a ballot opened and closed. They are no workflow action (the stage stays);
 * the row's `decision` names the ballot (`ballot 2`) and a close's `comment` is its result, `passed` or `not-passed`.
 */
export const BALLOT_OPEN = 'ballot-open';
export const BALLOT_CLOSE = 'ballot-close';
