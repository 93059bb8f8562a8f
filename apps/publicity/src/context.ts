import type { CalendarData } from '@hotline/calendar';
import type { ServiceContext } from '@hotline/service-kit';
import type { EpisodeDays } from './episodes/episodes';
import type { FileStore } from '@hotline/service-kit';
import type { StageDays } from './typical-cases/typical-case-pipeline';

/** What publicity's resolvers receive besides the kit's context. */
export type PublicityContext = ServiceContext & {
  /** The PRC working calendar (holidays, 调休) every deadline here is computed on. */
  calendar: CalendarData;
  stageDays: StageDays;
  episodeDays: EpisodeDays;
  materials: FileStore;
};
