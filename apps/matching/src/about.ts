/** The app's name: Kafka client id, log field, event producer. */
export const ABOUT_NAME = 'matching';
