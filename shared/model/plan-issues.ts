/** One message about one field. `field` is a path like "ipv4[0]" or "dkim.selector". */
export interface PlanIssue {
  field: string;
  message: string;
}

/** What plan checking collects as it goes: problems that refuse the plan, and notes that do not. */
export interface PlanIssues {
  errors: PlanIssue[];
  warnings: PlanIssue[];
}
