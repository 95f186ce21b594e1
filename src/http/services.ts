/** The services the HTTP routes use, created once per server. */
import type { KvalitaConfig } from '../config/config.js';
import type { Database } from '../db/database.js';
import { AssignmentsService } from '../modules/assignments/assignments.service.js';
import { CalibrationService } from '../modules/calibration/calibration.service.js';
import { CoachingService } from '../modules/coaching/coaching.service.js';
import { ComplaintsService } from '../modules/complaints/complaints.service.js';
import { CorrectiveActionsService } from '../modules/complaints/corrective-actions.service.js';
import { TopicsService } from '../modules/complaints/topics.service.js';
import { ConversationsService } from '../modules/conversations/conversations.service.js';
import { ReviewsService } from '../modules/reviews/reviews.service.js';
import { ScorecardsService } from '../modules/scorecards/scorecards.service.js';
import { TasksService } from '../modules/tasks/tasks.service.js';
import { UsersService } from '../modules/users/users.service.js';

/** Everything a route may call. */
export interface AppServices {
  config: KvalitaConfig;
  database: Database;
  users: UsersService;
  conversations: ConversationsService;
  scorecards: ScorecardsService;
  reviews: ReviewsService;
  calibration: CalibrationService;
  assignments: AssignmentsService;
  tasks: TasksService;
  coaching: CoachingService;
  complaints: ComplaintsService;
  topics: TopicsService;
  correctiveActions: CorrectiveActionsService;
}

/** Wires the services over an open database. */
export function createServices(config: KvalitaConfig, database: Database): AppServices {
  const reviews = new ReviewsService(database);
  const assignments = new AssignmentsService(database);
  // A submitted review closes the reviewer's assignment of that conversation.
  reviews.onSubmitted(async (event) => {
    await assignments.markDoneForConversation(event.conversationId, event.scorecardId, event.reviewId);
  });
  return {
    config,
    database,
    users: new UsersService(database.kysely, config.sessionHours),
    conversations: new ConversationsService(database),
    scorecards: new ScorecardsService(database),
    reviews,
    calibration: new CalibrationService(database, reviews),
    assignments,
    tasks: new TasksService(database, reviews),
    coaching: new CoachingService(database),
    complaints: new ComplaintsService(database),
    topics: new TopicsService(database),
    correctiveActions: new CorrectiveActionsService(database),
  };
}
