import type { Language, StaffRole } from "@/db/schema";

// The demo clinics. Two of them, in two time zones, so clinic isolation and local times can be seen.
export { DEMO_PASSWORD } from "@/lib/auth/demo-accounts";

export type DemoClinic = {
  slug: string;
  name: string;
  timeZone: string;
  country: "FR" | "US";
  language: Language;
  fakerLocale: "fr" | "en_US";
  patients: number;
  appointments: number;
  staff: { role: StaffRole; name: string; email: string }[];
  agendas: { name: string; doctorEmail?: string; allowPatientScheduling: boolean }[];
  motifs: { name: string; durationMinutes: number }[];
};

export const DEMO_CLINICS: DemoClinic[] = [
  {
    slug: "saint-martin",
    name: "Cabinet Médical Saint-Martin",
    timeZone: "Europe/Paris",
    country: "FR",
    language: "fr",
    fakerLocale: "fr",
    patients: 120,
    appointments: 600,
    staff: [
      { role: "admin", name: "Claire Fontaine", email: "admin@saint-martin.demo" },
      { role: "receptionist", name: "Julie Moreau", email: "reception@saint-martin.demo" },
      { role: "doctor", name: "Dr Antoine Lefèvre", email: "dr.lefevre@saint-martin.demo" },
      { role: "doctor", name: "Dr Sophie Garnier", email: "dr.garnier@saint-martin.demo" },
      { role: "lab", name: "Marc Petit", email: "lab@saint-martin.demo" },
      { role: "billing", name: "Nadia Benali", email: "billing@saint-martin.demo" },
      { role: "finance", name: "Paul Girard", email: "finance@saint-martin.demo" },
      { role: "accounts", name: "Inès Roux", email: "accounts@saint-martin.demo" },
      { role: "support", name: "Hugo Blanc", email: "support@saint-martin.demo" },
    ],
    agendas: [
      { name: "Dr Lefèvre — Médecine générale", doctorEmail: "dr.lefevre@saint-martin.demo", allowPatientScheduling: true },
      { name: "Dr Garnier — Pédiatrie", doctorEmail: "dr.garnier@saint-martin.demo", allowPatientScheduling: true },
      { name: "Salle de soins infirmiers", allowPatientScheduling: false },
    ],
    motifs: [
      { name: "Consultation", durationMinutes: 20 },
      { name: "Suivi", durationMinutes: 15 },
      { name: "Visite à domicile", durationMinutes: 40 },
      { name: "Vaccination", durationMinutes: 10 },
      { name: "Certificat médical", durationMinutes: 15 },
      { name: "Téléconsultation", durationMinutes: 20 },
      { name: "Bilan pédiatrique", durationMinutes: 30 },
    ],
  },
  {
    slug: "hudson",
    name: "Hudson Family Health",
    timeZone: "America/New_York",
    country: "US",
    language: "en",
    fakerLocale: "en_US",
    patients: 80,
    appointments: 400,
    staff: [
      { role: "admin", name: "Rachel Kim", email: "admin@hudson.demo" },
      { role: "receptionist", name: "Marcus Bell", email: "reception@hudson.demo" },
      { role: "doctor", name: "Dr. Olivia Chen", email: "dr.chen@hudson.demo" },
      { role: "doctor", name: "Dr. Daniel Ortiz", email: "dr.ortiz@hudson.demo" },
      { role: "lab", name: "Priya Nair", email: "lab@hudson.demo" },
      { role: "billing", name: "Tom Walsh", email: "billing@hudson.demo" },
      { role: "finance", name: "Grace Lee", email: "finance@hudson.demo" },
      { role: "accounts", name: "Sam Patel", email: "accounts@hudson.demo" },
      { role: "support", name: "Ava Brooks", email: "support@hudson.demo" },
    ],
    agendas: [
      { name: "Dr. Chen — Family Medicine", doctorEmail: "dr.chen@hudson.demo", allowPatientScheduling: true },
      { name: "Dr. Ortiz — Internal Medicine", doctorEmail: "dr.ortiz@hudson.demo", allowPatientScheduling: false },
      { name: "Nurse Visits", allowPatientScheduling: true },
    ],
    motifs: [
      { name: "Office visit", durationMinutes: 20 },
      { name: "Follow-up", durationMinutes: 15 },
      { name: "Home visit", durationMinutes: 45 },
      { name: "Flu shot", durationMinutes: 10 },
      { name: "Annual physical", durationMinutes: 40 },
      { name: "Telehealth", durationMinutes: 20 },
    ],
  },
];
