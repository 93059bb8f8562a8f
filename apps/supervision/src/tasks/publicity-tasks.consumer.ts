import type { ConsumerDefinition } from '@hotline/service-kit';
import { closePublicityTask, trackPublicityTask } from './tasks';

/** publicity's episode tasks reach the 催办 ladder: tracked when assigned, closed when done. */
export const publicityTasksConsumer = (): ConsumerDefinition => ({
  name: 'supervision-publicity-tasks',
  subject: 'hotline.publicity.>',
  handlers: {
    'hotline.publicity.task-assigned': (e, em) => trackPublicityTask(em, e),
    'hotline.publicity.task-done': (e, em) => closePublicityTask(em, e),
  },
});
