CREATE TYPE "public"."code_kind" AS ENUM('code', 'descriptive_theme', 'analytical_theme');--> statement-breakpoint
CREATE TYPE "public"."code_polarity" AS ENUM('barrier', 'facilitator', 'neutral');--> statement-breakpoint
CREATE TYPE "public"."document_source" AS ENUM('pdf', 'upload', 'paste', 'abstract');--> statement-breakpoint
CREATE TYPE "public"."appraisal_kind" AS ENUM('independent', 'consensus');--> statement-breakpoint
CREATE TYPE "public"."appraisal_verdict" AS ENUM('include', 'exclude', 'seek_further_info');--> statement-breakpoint
CREATE TYPE "public"."cerqual_confidence" AS ENUM('high', 'moderate', 'low', 'very_low');--> statement-breakpoint
CREATE TYPE "public"."extraction_consensus_status" AS ENUM('draft', 'final');--> statement-breakpoint
CREATE TYPE "public"."extraction_status" AS ENUM('in_progress', 'complete');--> statement-breakpoint
CREATE TABLE "framework_domains" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_themes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"domain_id" uuid NOT NULL,
	"label" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"preset_key" text,
	"name" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "code_framework_cells" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"domain_id" uuid NOT NULL,
	"theme_id" uuid,
	"level_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" "code_kind" DEFAULT 'code' NOT NULL,
	"polarity" "code_polarity",
	"color" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coding_reading_positions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "codings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"quote_id" uuid NOT NULL,
	"code_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"coder_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"source" "document_source" NOT NULL,
	"file_name" text,
	"text" text NOT NULL,
	"text_hash" text NOT NULL,
	"frozen_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "double_coding_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"first_coder_id" uuid NOT NULL,
	"second_coder_id" uuid NOT NULL,
	"assigned_by" uuid,
	"compared_at" timestamp with time zone,
	"compared_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "double_coding_two_coders_ck" CHECK ("double_coding_assignments"."first_coder_id" <> "double_coding_assignments"."second_coder_id")
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"coder_id" uuid NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"text" text NOT NULL,
	"memo" text,
	"flagged_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotes_span_ck" CHECK ("quotes"."start" >= 0 and "quotes"."end" > "quotes"."start")
);
--> statement-breakpoint
CREATE TABLE "appraisal_checklists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"preset_key" text,
	"name" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appraisals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"checklist_id" uuid NOT NULL,
	"kind" "appraisal_kind" NOT NULL,
	"appraiser_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"verdict" "appraisal_verdict",
	"comment" text DEFAULT '' NOT NULL,
	"is_complete" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cerqual_assessment_studies" (
	"project_id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"study_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cerqual_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"theme_id" uuid,
	"cell_statement_id" uuid,
	"finding" text NOT NULL,
	"components" jsonb NOT NULL,
	"overall" "cerqual_confidence" NOT NULL,
	"overall_explanation" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_cell_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"framework_id" uuid NOT NULL,
	"domain_id" uuid NOT NULL,
	"theme_id" uuid,
	"level_id" uuid NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"recommendation" text DEFAULT '' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "extraction_consensus" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"form_version_id" uuid NOT NULL,
	"values" jsonb NOT NULL,
	"status" "extraction_consensus_status" DEFAULT 'draft' NOT NULL,
	"finalised_by" uuid,
	"finalised_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "extraction_form_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "extraction_form_versions_version_positive" CHECK ("extraction_form_versions"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "extraction_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "extractions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"study_id" uuid NOT NULL,
	"extractor_id" uuid NOT NULL,
	"form_version_id" uuid NOT NULL,
	"values" jsonb NOT NULL,
	"status" "extraction_status" DEFAULT 'in_progress' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "framework_domains" ADD CONSTRAINT "framework_domains_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_domains" ADD CONSTRAINT "framework_domains_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_levels" ADD CONSTRAINT "framework_levels_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_levels" ADD CONSTRAINT "framework_levels_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_themes" ADD CONSTRAINT "framework_themes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_themes" ADD CONSTRAINT "framework_themes_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_themes" ADD CONSTRAINT "framework_themes_domain_id_framework_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."framework_domains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frameworks" ADD CONSTRAINT "frameworks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_framework_cells" ADD CONSTRAINT "code_framework_cells_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_framework_cells" ADD CONSTRAINT "code_framework_cells_code_id_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."codes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_framework_cells" ADD CONSTRAINT "code_framework_cells_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_framework_cells" ADD CONSTRAINT "code_framework_cells_domain_id_framework_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."framework_domains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_framework_cells" ADD CONSTRAINT "code_framework_cells_theme_id_framework_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."framework_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_framework_cells" ADD CONSTRAINT "code_framework_cells_level_id_framework_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."framework_levels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "codes" ADD CONSTRAINT "codes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "codes" ADD CONSTRAINT "codes_parent_id_codes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."codes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "codes" ADD CONSTRAINT "codes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_reading_positions" ADD CONSTRAINT "coding_reading_positions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_reading_positions" ADD CONSTRAINT "coding_reading_positions_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_reading_positions" ADD CONSTRAINT "coding_reading_positions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "codings" ADD CONSTRAINT "codings_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "codings" ADD CONSTRAINT "codings_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "codings" ADD CONSTRAINT "codings_code_id_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."codes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "codings" ADD CONSTRAINT "codings_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "codings" ADD CONSTRAINT "codings_coder_id_users_id_fk" FOREIGN KEY ("coder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "double_coding_assignments" ADD CONSTRAINT "double_coding_assignments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "double_coding_assignments" ADD CONSTRAINT "double_coding_assignments_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "double_coding_assignments" ADD CONSTRAINT "double_coding_assignments_first_coder_id_users_id_fk" FOREIGN KEY ("first_coder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "double_coding_assignments" ADD CONSTRAINT "double_coding_assignments_second_coder_id_users_id_fk" FOREIGN KEY ("second_coder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "double_coding_assignments" ADD CONSTRAINT "double_coding_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "double_coding_assignments" ADD CONSTRAINT "double_coding_assignments_compared_by_users_id_fk" FOREIGN KEY ("compared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_coder_id_users_id_fk" FOREIGN KEY ("coder_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_checklists" ADD CONSTRAINT "appraisal_checklists_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisal_checklists" ADD CONSTRAINT "appraisal_checklists_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_checklist_id_appraisal_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."appraisal_checklists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appraisals" ADD CONSTRAINT "appraisals_appraiser_id_users_id_fk" FOREIGN KEY ("appraiser_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cerqual_assessment_studies" ADD CONSTRAINT "cerqual_assessment_studies_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cerqual_assessment_studies" ADD CONSTRAINT "cerqual_assessment_studies_assessment_id_cerqual_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."cerqual_assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cerqual_assessment_studies" ADD CONSTRAINT "cerqual_assessment_studies_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cerqual_assessments" ADD CONSTRAINT "cerqual_assessments_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cerqual_assessments" ADD CONSTRAINT "cerqual_assessments_theme_id_framework_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."framework_themes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cerqual_assessments" ADD CONSTRAINT "cerqual_assessments_cell_statement_id_framework_cell_statements_id_fk" FOREIGN KEY ("cell_statement_id") REFERENCES "public"."framework_cell_statements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cerqual_assessments" ADD CONSTRAINT "cerqual_assessments_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_cell_statements" ADD CONSTRAINT "framework_cell_statements_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_cell_statements" ADD CONSTRAINT "framework_cell_statements_framework_id_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."frameworks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_cell_statements" ADD CONSTRAINT "framework_cell_statements_domain_id_framework_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."framework_domains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_cell_statements" ADD CONSTRAINT "framework_cell_statements_theme_id_framework_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."framework_themes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_cell_statements" ADD CONSTRAINT "framework_cell_statements_level_id_framework_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."framework_levels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_cell_statements" ADD CONSTRAINT "framework_cell_statements_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extraction_consensus" ADD CONSTRAINT "extraction_consensus_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extraction_consensus" ADD CONSTRAINT "extraction_consensus_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extraction_consensus" ADD CONSTRAINT "extraction_consensus_form_version_id_extraction_form_versions_id_fk" FOREIGN KEY ("form_version_id") REFERENCES "public"."extraction_form_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extraction_consensus" ADD CONSTRAINT "extraction_consensus_finalised_by_users_id_fk" FOREIGN KEY ("finalised_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extraction_form_versions" ADD CONSTRAINT "extraction_form_versions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extraction_form_versions" ADD CONSTRAINT "extraction_form_versions_form_id_extraction_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."extraction_forms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extraction_form_versions" ADD CONSTRAINT "extraction_form_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extraction_forms" ADD CONSTRAINT "extraction_forms_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extraction_forms" ADD CONSTRAINT "extraction_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extractions" ADD CONSTRAINT "extractions_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extractions" ADD CONSTRAINT "extractions_study_id_studies_id_fk" FOREIGN KEY ("study_id") REFERENCES "public"."studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extractions" ADD CONSTRAINT "extractions_extractor_id_users_id_fk" FOREIGN KEY ("extractor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extractions" ADD CONSTRAINT "extractions_form_version_id_extraction_form_versions_id_fk" FOREIGN KEY ("form_version_id") REFERENCES "public"."extraction_form_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "framework_domains_framework_key_uq" ON "framework_domains" USING btree ("framework_id","key");--> statement-breakpoint
CREATE INDEX "framework_domains_project_idx" ON "framework_domains" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_levels_framework_key_uq" ON "framework_levels" USING btree ("framework_id","key");--> statement-breakpoint
CREATE INDEX "framework_levels_project_idx" ON "framework_levels" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_themes_domain_label_uq" ON "framework_themes" USING btree ("domain_id",lower("label"));--> statement-breakpoint
CREATE INDEX "framework_themes_framework_idx" ON "framework_themes" USING btree ("framework_id");--> statement-breakpoint
CREATE INDEX "framework_themes_project_idx" ON "framework_themes" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "frameworks_project_name_uq" ON "frameworks" USING btree ("project_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "code_framework_cells_uq" ON "code_framework_cells" USING btree ("code_id","domain_id","level_id",coalesce("theme_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "code_framework_cells_framework_idx" ON "code_framework_cells" USING btree ("framework_id");--> statement-breakpoint
CREATE INDEX "code_framework_cells_project_idx" ON "code_framework_cells" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "code_framework_cells_domain_idx" ON "code_framework_cells" USING btree ("domain_id");--> statement-breakpoint
CREATE INDEX "code_framework_cells_theme_idx" ON "code_framework_cells" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "code_framework_cells_level_idx" ON "code_framework_cells" USING btree ("level_id");--> statement-breakpoint
CREATE UNIQUE INDEX "codes_sibling_name_uq" ON "codes" USING btree ("project_id",coalesce("parent_id", '00000000-0000-0000-0000-000000000000'::uuid),lower("name"));--> statement-breakpoint
CREATE INDEX "codes_project_parent_idx" ON "codes" USING btree ("project_id","parent_id","position");--> statement-breakpoint
CREATE INDEX "codes_parent_idx" ON "codes" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "coding_reading_positions_user_study_uq" ON "coding_reading_positions" USING btree ("user_id","study_id");--> statement-breakpoint
CREATE INDEX "coding_reading_positions_study_idx" ON "coding_reading_positions" USING btree ("study_id");--> statement-breakpoint
CREATE INDEX "coding_reading_positions_project_idx" ON "coding_reading_positions" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "codings_quote_code_uq" ON "codings" USING btree ("quote_id","code_id");--> statement-breakpoint
CREATE INDEX "codings_code_idx" ON "codings" USING btree ("code_id");--> statement-breakpoint
CREATE INDEX "codings_project_study_idx" ON "codings" USING btree ("project_id","study_id","coder_id");--> statement-breakpoint
CREATE INDEX "codings_coder_idx" ON "codings" USING btree ("coder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_study_version_uq" ON "documents" USING btree ("study_id","version");--> statement-breakpoint
CREATE INDEX "documents_project_idx" ON "documents" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "double_coding_study_uq" ON "double_coding_assignments" USING btree ("study_id");--> statement-breakpoint
CREATE INDEX "double_coding_project_idx" ON "double_coding_assignments" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "double_coding_first_idx" ON "double_coding_assignments" USING btree ("first_coder_id");--> statement-breakpoint
CREATE INDEX "double_coding_second_idx" ON "double_coding_assignments" USING btree ("second_coder_id");--> statement-breakpoint
CREATE INDEX "double_coding_assigned_by_idx" ON "double_coding_assignments" USING btree ("assigned_by");--> statement-breakpoint
CREATE INDEX "double_coding_compared_by_idx" ON "double_coding_assignments" USING btree ("compared_by");--> statement-breakpoint
CREATE INDEX "quotes_document_idx" ON "quotes" USING btree ("document_id","start");--> statement-breakpoint
CREATE INDEX "quotes_study_coder_idx" ON "quotes" USING btree ("study_id","coder_id");--> statement-breakpoint
CREATE INDEX "quotes_project_idx" ON "quotes" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "quotes_coder_idx" ON "quotes" USING btree ("coder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "appraisal_checklists_project_name_uq" ON "appraisal_checklists" USING btree ("project_id",lower("name"));--> statement-breakpoint
CREATE INDEX "appraisal_checklists_created_by_idx" ON "appraisal_checklists" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "appraisals_independent_uq" ON "appraisals" USING btree ("study_id","checklist_id","appraiser_id") WHERE "appraisals"."kind" = 'independent';--> statement-breakpoint
CREATE UNIQUE INDEX "appraisals_consensus_uq" ON "appraisals" USING btree ("study_id","checklist_id") WHERE "appraisals"."kind" = 'consensus';--> statement-breakpoint
CREATE INDEX "appraisals_project_idx" ON "appraisals" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "appraisals_checklist_idx" ON "appraisals" USING btree ("checklist_id");--> statement-breakpoint
CREATE INDEX "appraisals_appraiser_idx" ON "appraisals" USING btree ("appraiser_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cerqual_assessment_studies_uq" ON "cerqual_assessment_studies" USING btree ("assessment_id","study_id");--> statement-breakpoint
CREATE INDEX "cerqual_assessment_studies_study_idx" ON "cerqual_assessment_studies" USING btree ("study_id");--> statement-breakpoint
CREATE INDEX "cerqual_assessment_studies_project_idx" ON "cerqual_assessment_studies" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cerqual_assessments_theme_uq" ON "cerqual_assessments" USING btree ("theme_id") WHERE "cerqual_assessments"."theme_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "cerqual_assessments_statement_uq" ON "cerqual_assessments" USING btree ("cell_statement_id") WHERE "cerqual_assessments"."cell_statement_id" is not null;--> statement-breakpoint
CREATE INDEX "cerqual_assessments_project_idx" ON "cerqual_assessments" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "cerqual_assessments_updated_by_idx" ON "cerqual_assessments" USING btree ("updated_by");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_cell_statements_cell_uq" ON "framework_cell_statements" USING btree ("domain_id","level_id",coalesce("theme_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "framework_cell_statements_framework_idx" ON "framework_cell_statements" USING btree ("framework_id");--> statement-breakpoint
CREATE INDEX "framework_cell_statements_project_idx" ON "framework_cell_statements" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "framework_cell_statements_theme_idx" ON "framework_cell_statements" USING btree ("theme_id");--> statement-breakpoint
CREATE INDEX "framework_cell_statements_level_idx" ON "framework_cell_statements" USING btree ("level_id");--> statement-breakpoint
CREATE INDEX "framework_cell_statements_updated_by_idx" ON "framework_cell_statements" USING btree ("updated_by");--> statement-breakpoint
CREATE UNIQUE INDEX "extraction_consensus_study_uq" ON "extraction_consensus" USING btree ("study_id");--> statement-breakpoint
CREATE INDEX "extraction_consensus_project_status_idx" ON "extraction_consensus" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "extraction_consensus_form_version_idx" ON "extraction_consensus" USING btree ("form_version_id");--> statement-breakpoint
CREATE INDEX "extraction_consensus_finalised_by_idx" ON "extraction_consensus" USING btree ("finalised_by");--> statement-breakpoint
CREATE UNIQUE INDEX "extraction_form_versions_form_version_uq" ON "extraction_form_versions" USING btree ("form_id","version");--> statement-breakpoint
CREATE INDEX "extraction_form_versions_project_idx" ON "extraction_form_versions" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "extraction_form_versions_published_by_idx" ON "extraction_form_versions" USING btree ("published_by");--> statement-breakpoint
CREATE UNIQUE INDEX "extraction_forms_project_uq" ON "extraction_forms" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "extraction_forms_created_by_idx" ON "extraction_forms" USING btree ("created_by");--> statement-breakpoint
CREATE UNIQUE INDEX "extractions_study_extractor_uq" ON "extractions" USING btree ("study_id","extractor_id");--> statement-breakpoint
CREATE INDEX "extractions_project_extractor_idx" ON "extractions" USING btree ("project_id","extractor_id");--> statement-breakpoint
CREATE INDEX "extractions_extractor_idx" ON "extractions" USING btree ("extractor_id");--> statement-breakpoint
CREATE INDEX "extractions_form_version_idx" ON "extractions" USING btree ("form_version_id");--> statement-breakpoint
CREATE INDEX "references_project_kept_idx" ON "references" USING btree ("project_id") WHERE "references"."duplicate_of_id" is null;