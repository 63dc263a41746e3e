import type { ProjectStore } from '../store/project-store';
import type { EventHub } from './event-hub';

/** What every handler gets: the effects it may use. Tests build one on a temp folder. */
export interface ApiContext {
  version: string;
  transport: 'electron' | 'http';
  store: ProjectStore;
  events: EventHub;
}
