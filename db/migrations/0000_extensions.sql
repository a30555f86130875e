-- Trigram search on patient names, phones and emails (patients_search_text_trgm).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
