// The SNS topic a local clinic's SES notifications come from (one per clinic, as in production).
export const localSnsTopicArn = (clinicSlug: string) =>
  `arn:aws:sns:eu-west-1:000000000000:ses-events-${clinicSlug.replace(/[^A-Za-z0-9_-]/g, "-")}`;
