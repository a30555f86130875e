import "server-only";
import { SendEmailCommand, SESv2Client, SESv2ServiceException } from "@aws-sdk/client-sesv2";
import { z } from "zod";
import { networkFailure, permanent, transient, type ChannelProvider, type SendOutcome } from "./types";

// arn:aws:sns:<region>:<12-digit account>:<topic name>
export const SNS_TOPIC_ARN = /^arn:aws(-cn|-us-gov)?:sns:[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+:\d{12}:[A-Za-z0-9_-]{1,256}$/;

// Email through AWS SES v2 (SendEmail).
export const emailConfigSchema = z.object({
  from: z.string().min(3),
  region: z.string().min(1).default("eu-west-1"),
  accessKeyId: z.string().min(1),
  secretAccessKey: z.string().min(1),
  // Only for a local SES-compatible server; unset in production.
  endpoint: z.url().optional(),
  configurationSetName: z.string().optional(),
  // The clinic's own SNS topic for SES notifications: only messages from it are accepted, and
  // only its subscription is confirmed. Required: without it anyone's topic could post here.
  snsTopicArn: z
    .string()
    .regex(SNS_TOPIC_ARN, "must be the ARN of the clinic's SNS topic, like arn:aws:sns:eu-west-1:123456789012:ses-events"),
});
export type EmailConfig = z.infer<typeof emailConfigSchema>;

const TRANSIENT_ERRORS = new Set([
  "TooManyRequestsException",
  "LimitExceededException",
  "ThrottlingException",
  "ServiceUnavailableException",
  "InternalFailure",
]);

export function createEmailProvider(config: EmailConfig): ChannelProvider {
  const client = new SESv2Client({
    region: config.region,
    endpoint: config.endpoint,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Our own retry loop counts and records attempts; the SDK must not retry behind its back.
    maxAttempts: 1,
  });
  return {
    channel: "email",
    async send(message): Promise<SendOutcome> {
      try {
        const result = await client.send(
          new SendEmailCommand({
            FromEmailAddress: config.from,
            Destination: { ToAddresses: [message.to] },
            Content: {
              Simple: {
                Subject: { Data: message.subject ?? "", Charset: "UTF-8" },
                Body: {
                  Text: { Data: message.text, Charset: "UTF-8" },
                  ...(message.html ? { Html: { Data: message.html, Charset: "UTF-8" } } : {}),
                },
                Attachments: message.attachments?.map((a) => ({
                  FileName: a.fileName,
                  ContentType: a.contentType,
                  RawContent: a.content,
                  ContentDisposition: "ATTACHMENT" as const,
                })),
              },
            },
            // Comes back in SES event notifications: a bounce can find its delivery.
            EmailTags: [{ Name: "delivery_id", Value: message.deliveryId }],
            ConfigurationSetName: config.configurationSetName,
          }),
        );
        return result.MessageId
          ? { ok: true, providerMessageId: result.MessageId }
          : transient("no_message_id", "SES answered without a MessageId");
      } catch (error) {
        if (error instanceof SESv2ServiceException) {
          const status = error.$metadata.httpStatusCode ?? 0;
          if (status === 429 || status >= 500 || TRANSIENT_ERRORS.has(error.name)) return transient(error.name, error.message);
          return permanent(error.name, error.message);
        }
        return networkFailure(error);
      }
    },
  };
}
