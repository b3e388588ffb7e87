/** Injection token of the running app's name (ServiceModule.forRoot's `app`): the producer of its events. */
export const APP_NAME = Symbol('APP_NAME');
