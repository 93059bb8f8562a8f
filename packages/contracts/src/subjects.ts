/** NATS names shared by every service and documented for partners. */
export const STREAM = 'HOTLINE';
export const STREAM_SUBJECTS = 'hotline.>';
export const DEADLETTER_STREAM = 'DEADLETTER';
export const deadLetterSubject = (consumer: string) => `deadletter.${consumer}`;
