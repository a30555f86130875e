import type { Language } from "@/db/schema";
import type { PatientEventType } from "@/lib/notifications/event-catalog";

// The templates every clinic starts with. SMS, WhatsApp and push texts never carry clinical
// details (no visit reason, no result): they can show on a lock screen.
type Texts = {
  subject: string;
  email: string;
  short: string;
  pushTitle: string;
  pushBody: string;
  whatsappTemplate: string;
  whatsappParameters: string[];
};

const WHEN = ["patient.firstName", "appointment.date", "appointment.time", "centre.name"];

export const DEFAULT_TEXTS: Record<PatientEventType, Record<Language, Texts>> = {
  "appointment.confirmed": {
    en: {
      subject: "Your appointment on {{appointment.date}} is confirmed",
      email:
        "Hello {{patient.firstName}},\n\nYour appointment{{#if doctor.name}} with {{doctor.name}}{{/if}} at {{centre.name}} on {{appointment.date}} at {{appointment.time}} is confirmed.\nBooking reference: {{appointment.reference}}.{{#if series.count}}\nIt is the first of {{series.count}} appointments, the last on {{series.last}}; each one gets its own reminder.{{/if}}{{#if financial.amount}}\nAmount: {{financial.amount}} ({{financial.paymentStatus}}).{{/if}}\n\nSee you soon,\n{{centre.name}}",
      short:
        "{{centre.name}}: your appointment on {{appointment.date}} at {{appointment.time}} is confirmed. Ref {{appointment.reference}}.{{#if series.count}} First of {{series.count}}, last on {{series.last}}.{{/if}}",
      pushTitle: "Appointment confirmed",
      pushBody: "{{appointment.date}} at {{appointment.time}}, {{centre.name}}.",
      whatsappTemplate: "appointment_confirmed",
      whatsappParameters: WHEN,
    },
    fr: {
      subject: "Votre rendez-vous du {{appointment.date}} est confirmé",
      email:
        "Bonjour {{patient.firstName}},\n\nVotre rendez-vous{{#if doctor.name}} avec {{doctor.name}}{{/if}} au {{centre.name}} le {{appointment.date}} à {{appointment.time}} est confirmé.\nRéférence : {{appointment.reference}}.{{#if series.count}}\nC'est le premier de {{series.count}} rendez-vous, le dernier le {{series.last}} ; chacun aura son propre rappel.{{/if}}{{#if financial.amount}}\nMontant : {{financial.amount}} ({{financial.paymentStatus}}).{{/if}}\n\nÀ bientôt,\n{{centre.name}}",
      short:
        "{{centre.name}} : votre RDV du {{appointment.date}} à {{appointment.time}} est confirmé. Réf {{appointment.reference}}.{{#if series.count}} Premier de {{series.count}}, dernier le {{series.last}}.{{/if}}",
      pushTitle: "Rendez-vous confirmé",
      pushBody: "Le {{appointment.date}} à {{appointment.time}}, {{centre.name}}.",
      whatsappTemplate: "appointment_confirmed",
      whatsappParameters: WHEN,
    },
  },
  "appointment.pending_approval": {
    en: {
      subject: "Your appointment request is awaiting approval",
      email:
        "Hello {{patient.firstName}},\n\nWe received your request for {{appointment.date}} at {{appointment.time}}{{#if doctor.name}} with {{doctor.name}}{{/if}}. The practice will confirm it shortly.\nBooking reference: {{appointment.reference}}.\n\n{{centre.name}}",
      short: "{{centre.name}}: we received your request for {{appointment.date}} at {{appointment.time}}. We will confirm it shortly.",
      pushTitle: "Request received",
      pushBody: "We will confirm your appointment request shortly.",
      whatsappTemplate: "appointment_request_received",
      whatsappParameters: WHEN,
    },
    fr: {
      subject: "Votre demande de rendez-vous est en attente de validation",
      email:
        "Bonjour {{patient.firstName}},\n\nNous avons bien reçu votre demande pour le {{appointment.date}} à {{appointment.time}}{{#if doctor.name}} avec {{doctor.name}}{{/if}}. Le cabinet la confirmera rapidement.\nRéférence : {{appointment.reference}}.\n\n{{centre.name}}",
      short: "{{centre.name}} : demande reçue pour le {{appointment.date}} à {{appointment.time}}. Nous vous confirmerons rapidement.",
      pushTitle: "Demande reçue",
      pushBody: "Nous confirmerons votre demande de rendez-vous rapidement.",
      whatsappTemplate: "appointment_request_received",
      whatsappParameters: WHEN,
    },
  },
  "appointment.rejected": {
    en: {
      subject: "Your appointment request could not be accepted",
      email:
        "Hello {{patient.firstName}},\n\nWe are sorry: your request for {{appointment.date}} at {{appointment.time}} could not be accepted. Please contact {{centre.name}} or book another slot.\n\n{{centre.name}}",
      short:
        "{{centre.name}}: sorry, your request for {{appointment.date}} at {{appointment.time}} could not be accepted. Please book another slot.",
      pushTitle: "Request not accepted",
      pushBody: "Please book another slot.",
      whatsappTemplate: "appointment_request_rejected",
      whatsappParameters: WHEN,
    },
    fr: {
      subject: "Votre demande de rendez-vous n’a pas pu être acceptée",
      email:
        "Bonjour {{patient.firstName}},\n\nNous sommes désolés : votre demande du {{appointment.date}} à {{appointment.time}} n’a pas pu être acceptée. Contactez le {{centre.name}} ou choisissez un autre créneau.\n\n{{centre.name}}",
      short:
        "{{centre.name}} : désolé, votre demande du {{appointment.date}} à {{appointment.time}} n’a pas pu être acceptée. Choisissez un autre créneau.",
      pushTitle: "Demande non acceptée",
      pushBody: "Merci de choisir un autre créneau.",
      whatsappTemplate: "appointment_request_rejected",
      whatsappParameters: WHEN,
    },
  },
  "appointment.cancelled": {
    en: {
      subject: "Your appointment on {{appointment.date}} is cancelled",
      email:
        "Hello {{patient.firstName}},\n\nYour appointment{{#if doctor.name}} with {{doctor.name}}{{/if}} on {{appointment.date}} at {{appointment.time}} has been cancelled.{{#if series.count}}\nSo are the following ones: {{series.count}} appointments in all, up to {{series.last}}.{{/if}}\nBooking reference: {{appointment.reference}}.\nTo book again, contact {{centre.name}}.\n\n{{centre.name}}",
      short:
        "{{centre.name}}: your appointment on {{appointment.date}} at {{appointment.time}} is cancelled. Ref {{appointment.reference}}.{{#if series.count}} So are the following ones, up to {{series.last}}.{{/if}}",
      pushTitle: "Appointment cancelled",
      pushBody: "{{appointment.date}} at {{appointment.time}}, {{centre.name}}.",
      whatsappTemplate: "appointment_cancelled",
      whatsappParameters: WHEN,
    },
    fr: {
      subject: "Votre rendez-vous du {{appointment.date}} est annulé",
      email:
        "Bonjour {{patient.firstName}},\n\nVotre rendez-vous{{#if doctor.name}} avec {{doctor.name}}{{/if}} le {{appointment.date}} à {{appointment.time}} a été annulé.{{#if series.count}}\nLes suivants aussi : {{series.count}} rendez-vous en tout, jusqu'au {{series.last}}.{{/if}}\nRéférence : {{appointment.reference}}.\nPour reprendre rendez-vous, contactez le {{centre.name}}.\n\n{{centre.name}}",
      short:
        "{{centre.name}} : votre RDV du {{appointment.date}} à {{appointment.time}} est annulé. Réf {{appointment.reference}}.{{#if series.count}} Les suivants aussi, jusqu'au {{series.last}}.{{/if}}",
      pushTitle: "Rendez-vous annulé",
      pushBody: "Le {{appointment.date}} à {{appointment.time}}, {{centre.name}}.",
      whatsappTemplate: "appointment_cancelled",
      whatsappParameters: WHEN,
    },
  },
  "appointment.rescheduled": {
    en: {
      subject: "Your appointment has moved to {{appointment.date}}",
      email:
        "Hello {{patient.firstName}},\n\nYour appointment{{#if doctor.name}} with {{doctor.name}}{{/if}} is now on {{appointment.date}} at {{appointment.time}}.{{#if series.count}}\nThe following ones move the same way: {{series.count}} appointments in all, the last now on {{series.last}}.{{/if}}\nBooking reference: {{appointment.reference}}.\n\n{{centre.name}}",
      short:
        "{{centre.name}}: your appointment has moved to {{appointment.date}} at {{appointment.time}}. Ref {{appointment.reference}}.{{#if series.count}} The following ones too, the last on {{series.last}}.{{/if}}",
      pushTitle: "Appointment moved",
      pushBody: "Now on {{appointment.date}} at {{appointment.time}}.",
      whatsappTemplate: "appointment_rescheduled",
      whatsappParameters: WHEN,
    },
    fr: {
      subject: "Votre rendez-vous est déplacé au {{appointment.date}}",
      email:
        "Bonjour {{patient.firstName}},\n\nVotre rendez-vous{{#if doctor.name}} avec {{doctor.name}}{{/if}} est désormais le {{appointment.date}} à {{appointment.time}}.{{#if series.count}}\nLes suivants sont déplacés de la même façon : {{series.count}} rendez-vous en tout, le dernier désormais le {{series.last}}.{{/if}}\nRéférence : {{appointment.reference}}.\n\n{{centre.name}}",
      short:
        "{{centre.name}} : votre RDV est déplacé au {{appointment.date}} à {{appointment.time}}. Réf {{appointment.reference}}.{{#if series.count}} Les suivants aussi, le dernier le {{series.last}}.{{/if}}",
      pushTitle: "Rendez-vous déplacé",
      pushBody: "Désormais le {{appointment.date}} à {{appointment.time}}.",
      whatsappTemplate: "appointment_rescheduled",
      whatsappParameters: WHEN,
    },
  },
  "appointment.completed": {
    en: {
      subject: "Thank you for your visit",
      email: "Hello {{patient.firstName}},\n\nThank you for your visit to {{centre.name}} today.\n\n{{centre.name}}",
      short: "{{centre.name}}: thank you for your visit today.",
      pushTitle: "Thank you for your visit",
      pushBody: "{{centre.name}}",
      whatsappTemplate: "visit_thank_you",
      whatsappParameters: ["patient.firstName", "centre.name"],
    },
    fr: {
      subject: "Merci de votre visite",
      email: "Bonjour {{patient.firstName}},\n\nMerci de votre visite au {{centre.name}} aujourd’hui.\n\n{{centre.name}}",
      short: "{{centre.name}} : merci de votre visite aujourd’hui.",
      pushTitle: "Merci de votre visite",
      pushBody: "{{centre.name}}",
      whatsappTemplate: "visit_thank_you",
      whatsappParameters: ["patient.firstName", "centre.name"],
    },
  },
  "appointment.no_show": {
    en: {
      subject: "We missed you on {{appointment.date}}",
      email:
        "Hello {{patient.firstName}},\n\nYou were expected on {{appointment.date}} at {{appointment.time}}. If you would like a new appointment, contact {{centre.name}}.\n\n{{centre.name}}",
      short: "{{centre.name}}: we missed you on {{appointment.date}} at {{appointment.time}}. Contact us to book again.",
      pushTitle: "We missed you",
      pushBody: "Contact us to book again.",
      whatsappTemplate: "appointment_missed",
      whatsappParameters: WHEN,
    },
    fr: {
      subject: "Vous étiez attendu(e) le {{appointment.date}}",
      email:
        "Bonjour {{patient.firstName}},\n\nVous étiez attendu(e) le {{appointment.date}} à {{appointment.time}}. Pour un nouveau rendez-vous, contactez le {{centre.name}}.\n\n{{centre.name}}",
      short: "{{centre.name}} : vous étiez attendu(e) le {{appointment.date}} à {{appointment.time}}. Contactez-nous pour reprendre RDV.",
      pushTitle: "Rendez-vous manqué",
      pushBody: "Contactez-nous pour reprendre rendez-vous.",
      whatsappTemplate: "appointment_missed",
      whatsappParameters: WHEN,
    },
  },
  "appointment.reminder": {
    en: {
      subject: "Reminder: appointment on {{appointment.date}} at {{appointment.time}}",
      email:
        "Hello {{patient.firstName}},\n\nA reminder of your appointment{{#if doctor.name}} with {{doctor.name}}{{/if}} at {{centre.name}} on {{appointment.date}} at {{appointment.time}}.\nBooking reference: {{appointment.reference}}.\nIf you cannot come, please let us know.\n\n{{centre.name}}",
      short:
        "{{centre.name}}: reminder of your appointment on {{appointment.date}} at {{appointment.time}}. Ref {{appointment.reference}}.",
      pushTitle: "Appointment reminder",
      pushBody: "{{appointment.date}} at {{appointment.time}}, {{centre.name}}.",
      whatsappTemplate: "appointment_reminder",
      whatsappParameters: WHEN,
    },
    fr: {
      subject: "Rappel : rendez-vous le {{appointment.date}} à {{appointment.time}}",
      email:
        "Bonjour {{patient.firstName}},\n\nNous vous rappelons votre rendez-vous{{#if doctor.name}} avec {{doctor.name}}{{/if}} au {{centre.name}} le {{appointment.date}} à {{appointment.time}}.\nRéférence : {{appointment.reference}}.\nEn cas d’empêchement, merci de nous prévenir.\n\n{{centre.name}}",
      short: "{{centre.name}} : rappel de votre RDV le {{appointment.date}} à {{appointment.time}}. Réf {{appointment.reference}}.",
      pushTitle: "Rappel de rendez-vous",
      pushBody: "Le {{appointment.date}} à {{appointment.time}}, {{centre.name}}.",
      whatsappTemplate: "appointment_reminder",
      whatsappParameters: WHEN,
    },
  },
  "walkin.token_called": {
    en: {
      subject: "Your number {{walkin.token}} is called",
      email: "Hello {{patient.firstName}},\n\nNumber {{walkin.token}} is called: please go to {{walkin.room}}.\n\n{{centre.name}}",
      short: "{{centre.name}}: number {{walkin.token}} is called. Please go to {{walkin.room}}.",
      pushTitle: "It's your turn",
      pushBody: "Number {{walkin.token}}: please go to {{walkin.room}}.",
      whatsappTemplate: "walkin_token_called",
      whatsappParameters: ["walkin.token", "walkin.room", "centre.name"],
    },
    fr: {
      subject: "Votre numéro {{walkin.token}} est appelé",
      email: "Bonjour {{patient.firstName}},\n\nLe numéro {{walkin.token}} est appelé : rendez-vous en {{walkin.room}}.\n\n{{centre.name}}",
      short: "{{centre.name}} : le numéro {{walkin.token}} est appelé. Rendez-vous en {{walkin.room}}.",
      pushTitle: "C’est votre tour",
      pushBody: "Numéro {{walkin.token}} : rendez-vous en {{walkin.room}}.",
      whatsappTemplate: "walkin_token_called",
      whatsappParameters: ["walkin.token", "walkin.room", "centre.name"],
    },
  },
  "walkin.approaching_turn": {
    en: {
      subject: "Your turn is coming up",
      email:
        "Hello {{patient.firstName}},\n\nYou are number {{walkin.position}} in the {{walkin.queue}} queue (ticket {{walkin.token}}). Please come back to the waiting room.\n\n{{centre.name}}",
      short:
        "{{centre.name}}: you are number {{walkin.position}} in the queue (ticket {{walkin.token}}). Please come back to the waiting room.",
      pushTitle: "Your turn is coming up",
      pushBody: "You are number {{walkin.position}} in the queue.",
      whatsappTemplate: "walkin_approaching_turn",
      whatsappParameters: ["walkin.position", "walkin.token", "centre.name"],
    },
    fr: {
      subject: "Votre tour approche",
      email:
        "Bonjour {{patient.firstName}},\n\nVous êtes en position {{walkin.position}} dans la file {{walkin.queue}} (ticket {{walkin.token}}). Merci de revenir en salle d’attente.\n\n{{centre.name}}",
      short: "{{centre.name}} : vous êtes en position {{walkin.position}} (ticket {{walkin.token}}). Merci de revenir en salle d’attente.",
      pushTitle: "Votre tour approche",
      pushBody: "Vous êtes en position {{walkin.position}}.",
      whatsappTemplate: "walkin_approaching_turn",
      whatsappParameters: ["walkin.position", "walkin.token", "centre.name"],
    },
  },
  "clinical.prescription_ready": {
    en: {
      subject: "A new document is available",
      email:
        "Hello {{patient.firstName}},\n\nA new document from {{centre.name}} is available in your patient space. Sign in to view it.\n\n{{centre.name}}",
      short: "{{centre.name}}: a new document is available. Sign in to your patient space to view it.",
      pushTitle: "New document",
      pushBody: "Open the app to view it.",
      whatsappTemplate: "document_available",
      whatsappParameters: ["patient.firstName", "centre.name"],
    },
    fr: {
      subject: "Un nouveau document est disponible",
      email:
        "Bonjour {{patient.firstName}},\n\nUn nouveau document du {{centre.name}} est disponible dans votre espace patient. Connectez-vous pour le consulter.\n\n{{centre.name}}",
      short: "{{centre.name}} : un nouveau document est disponible. Connectez-vous à votre espace patient pour le consulter.",
      pushTitle: "Nouveau document",
      pushBody: "Ouvrez l’application pour le consulter.",
      whatsappTemplate: "document_available",
      whatsappParameters: ["patient.firstName", "centre.name"],
    },
  },
  "clinical.report_ready": {
    en: {
      subject: "You have a new result",
      email:
        "Hello {{patient.firstName}},\n\nYou have a new result from {{centre.name}}. Sign in to your patient space to view it.\n\n{{centre.name}}",
      short: "{{centre.name}}: you have a new result. Sign in to your patient space to view it.",
      pushTitle: "You have a new result",
      pushBody: "Open the app to view it.",
      whatsappTemplate: "result_available",
      whatsappParameters: ["patient.firstName", "centre.name"],
    },
    fr: {
      subject: "Vous avez un nouveau résultat",
      email:
        "Bonjour {{patient.firstName}},\n\nVous avez un nouveau résultat du {{centre.name}}. Connectez-vous à votre espace patient pour le consulter.\n\n{{centre.name}}",
      short: "{{centre.name}} : vous avez un nouveau résultat. Connectez-vous à votre espace patient pour le consulter.",
      pushTitle: "Vous avez un nouveau résultat",
      pushBody: "Ouvrez l’application pour le consulter.",
      whatsappTemplate: "result_available",
      whatsappParameters: ["patient.firstName", "centre.name"],
    },
  },
  "doctor.emergency_leave": {
    en: {
      subject: "Your appointment on {{appointment.date}} is cancelled",
      email:
        "Hello {{patient.firstName}},\n\n{{doctor.name}} is unexpectedly unavailable, so your appointment on {{appointment.date}} at {{appointment.time}} is cancelled. We apologise.\nRefund: {{refund.amount}}.\nBook a new time: {{rescheduleUrl}}\n\n{{centre.name}}",
      short:
        "{{centre.name}}: your appointment on {{appointment.date}} is cancelled (doctor unavailable). Refund {{refund.amount}}. Rebook: {{rescheduleUrl}}",
      pushTitle: "Appointment cancelled",
      pushBody: "Your doctor is unavailable. Open the app to rebook.",
      whatsappTemplate: "emergency_leave_cancellation",
      whatsappParameters: ["patient.firstName", "appointment.date", "refund.amount", "rescheduleUrl"],
    },
    fr: {
      subject: "Votre rendez-vous du {{appointment.date}} est annulé",
      email:
        "Bonjour {{patient.firstName}},\n\n{{doctor.name}} est indisponible de façon imprévue : votre rendez-vous du {{appointment.date}} à {{appointment.time}} est annulé. Toutes nos excuses.\nRemboursement : {{refund.amount}}.\nReprendre rendez-vous : {{rescheduleUrl}}\n\n{{centre.name}}",
      short:
        "{{centre.name}} : votre RDV du {{appointment.date}} est annulé (médecin indisponible). Remboursement {{refund.amount}}. Reprendre RDV : {{rescheduleUrl}}",
      pushTitle: "Rendez-vous annulé",
      pushBody: "Votre médecin est indisponible. Ouvrez l’application pour reprendre rendez-vous.",
      whatsappTemplate: "emergency_leave_cancellation",
      whatsappParameters: ["patient.firstName", "appointment.date", "refund.amount", "rescheduleUrl"],
    },
  },
};
