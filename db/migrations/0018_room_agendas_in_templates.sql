-- An agenda without a doctor (a room) names no one: "with {{doctor.name}}" becomes conditional in
-- every stored template, default or edited, so a room's patients never read "avec Salle de soins".
-- Where the agenda has a doctor, the text renders exactly as before.
UPDATE "message_templates"
SET "body" = replace(replace("body", ' with {{doctor.name}}', '{{#if doctor.name}} with {{doctor.name}}{{/if}}'), ' avec {{doctor.name}}', '{{#if doctor.name}} avec {{doctor.name}}{{/if}}')
WHERE "body" LIKE '% with {{doctor.name}}%' OR "body" LIKE '% avec {{doctor.name}}%';
