CREATE TYPE "public"."screening_decision" AS ENUM('include', 'exclude', 'maybe');--> statement-breakpoint
CREATE TYPE "public"."final_decision" AS ENUM('include', 'exclude');--> statement-breakpoint
CREATE TYPE "public"."record_state" AS ENUM('awaiting', 'included', 'excluded', 'conflict', 'resolved_included', 'resolved_excluded');--> statement-breakpoint
CREATE TYPE "public"."screening_stage" AS ENUM('title_abstract', 'full_text');--> statement-breakpoint
CREATE TYPE "public"."duplicate_pair_status" AS ENUM('pending', 'merged', 'not_duplicate');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('queued', 'running', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "exclusion_reasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"label" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "full_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"reference_id" uuid NOT NULL,
	"file_name" text,
	"content_type" text,
	"byte_size" integer,
	"content" "bytea",
	"extracted_text" text,
	"page_count" integer,
	"not_retrievable" boolean DEFAULT false NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"reference_id" uuid NOT NULL,
	"stage" "screening_stage" NOT NULL,
	"decision" "final_decision" NOT NULL,
	"reason_id" uuid,
	"note" text,
	"resolved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_states" (
	"reference_id" uuid NOT NULL,
	"stage" "screening_stage" NOT NULL,
	"project_id" uuid NOT NULL,
	"state" "record_state" DEFAULT 'awaiting' NOT NULL,
	"vote_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "studies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"reference_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"reference_id" uuid NOT NULL,
	"stage" "screening_stage" NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"decision" "screening_decision" NOT NULL,
	"reason_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duplicate_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"reference_a_id" uuid NOT NULL,
	"reference_b_id" uuid NOT NULL,
	"score" real NOT NULL,
	"reasons" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "duplicate_pair_status" DEFAULT 'pending' NOT NULL,
	"is_automatic" boolean DEFAULT false NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid,
	"kind" text NOT NULL,
	"status" "job_status" DEFAULT 'queued' NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"progress_done" integer DEFAULT 0 NOT NULL,
	"progress_total" integer,
	"progress_message" text,
	"result" jsonb,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "upload_chunks" (
	"upload_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"byte_size" bigint DEFAULT 0 NOT NULL,
	"chunk_count" integer DEFAULT 0 NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exclusion_reasons" ADD CONSTRAINT "exclusion_reasons_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "full_texts" ADD CONSTRAINT "full_texts_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "full_texts" ADD CONSTRAINT "full_texts_reference_id_references_id_fk" FOREIGN KEY ("reference_id") REFERENCES "public"."references"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "full_texts" ADD CONSTRAINT "full_texts_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_reference_id_references_id_fk" FOREIGN KEY ("reference_id") REFERENCES "public"."references"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_reason_id_exclusion_reasons_id_fk" FOREIGN KEY ("reason_id") REFERENCES "public"."exclusion_reasons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resolutions" ADD CONSTRAINT "resolutions_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_states" ADD CONSTRAINT "screening_states_reference_id_references_id_fk" FOREIGN KEY ("reference_id") REFERENCES "public"."references"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_states" ADD CONSTRAINT "screening_states_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studies" ADD CONSTRAINT "studies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "studies" ADD CONSTRAINT "studies_reference_id_references_id_fk" FOREIGN KEY ("reference_id") REFERENCES "public"."references"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_reference_id_references_id_fk" FOREIGN KEY ("reference_id") REFERENCES "public"."references"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_reason_id_exclusion_reasons_id_fk" FOREIGN KEY ("reason_id") REFERENCES "public"."exclusion_reasons"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_reference_a_id_references_id_fk" FOREIGN KEY ("reference_a_id") REFERENCES "public"."references"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_reference_b_id_references_id_fk" FOREIGN KEY ("reference_b_id") REFERENCES "public"."references"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duplicate_pairs" ADD CONSTRAINT "duplicate_pairs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "upload_chunks" ADD CONSTRAINT "upload_chunks_upload_id_uploads_id_fk" FOREIGN KEY ("upload_id") REFERENCES "public"."uploads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exclusion_reasons_project_label_uq" ON "exclusion_reasons" USING btree ("project_id",lower("label"));--> statement-breakpoint
CREATE INDEX "exclusion_reasons_project_idx" ON "exclusion_reasons" USING btree ("project_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "full_texts_reference_uq" ON "full_texts" USING btree ("reference_id");--> statement-breakpoint
CREATE INDEX "full_texts_project_idx" ON "full_texts" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "resolutions_reference_stage_uq" ON "resolutions" USING btree ("reference_id","stage");--> statement-breakpoint
CREATE INDEX "resolutions_project_stage_idx" ON "resolutions" USING btree ("project_id","stage");--> statement-breakpoint
CREATE INDEX "resolutions_reason_idx" ON "resolutions" USING btree ("reason_id");--> statement-breakpoint
CREATE INDEX "resolutions_resolved_by_idx" ON "resolutions" USING btree ("resolved_by");--> statement-breakpoint
CREATE UNIQUE INDEX "screening_states_reference_stage_uq" ON "screening_states" USING btree ("reference_id","stage");--> statement-breakpoint
CREATE INDEX "screening_states_project_stage_state_idx" ON "screening_states" USING btree ("project_id","stage","state");--> statement-breakpoint
CREATE UNIQUE INDEX "studies_reference_uq" ON "studies" USING btree ("reference_id");--> statement-breakpoint
CREATE INDEX "studies_project_idx" ON "studies" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "votes_reference_stage_reviewer_uq" ON "votes" USING btree ("reference_id","stage","reviewer_id");--> statement-breakpoint
CREATE INDEX "votes_project_stage_reviewer_idx" ON "votes" USING btree ("project_id","stage","reviewer_id");--> statement-breakpoint
CREATE INDEX "votes_reason_idx" ON "votes" USING btree ("reason_id");--> statement-breakpoint
CREATE INDEX "votes_reviewer_idx" ON "votes" USING btree ("reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "duplicate_pairs_pair_uq" ON "duplicate_pairs" USING btree ("project_id","reference_a_id","reference_b_id");--> statement-breakpoint
CREATE INDEX "duplicate_pairs_project_status_idx" ON "duplicate_pairs" USING btree ("project_id","status","score");--> statement-breakpoint
CREATE INDEX "duplicate_pairs_a_idx" ON "duplicate_pairs" USING btree ("reference_a_id");--> statement-breakpoint
CREATE INDEX "duplicate_pairs_b_idx" ON "duplicate_pairs" USING btree ("reference_b_id");--> statement-breakpoint
CREATE INDEX "jobs_claim_idx" ON "jobs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "jobs_project_idx" ON "jobs" USING btree ("project_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "upload_chunks_upload_seq_uq" ON "upload_chunks" USING btree ("upload_id","seq");--> statement-breakpoint
CREATE INDEX "uploads_project_idx" ON "uploads" USING btree ("project_id");