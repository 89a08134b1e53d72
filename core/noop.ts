/** Does nothing: the handler of a promise whose outcome is already dealt with elsewhere. */
export const noop = () => {};
