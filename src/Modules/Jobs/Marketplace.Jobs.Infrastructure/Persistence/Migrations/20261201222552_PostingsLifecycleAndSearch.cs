using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Jobs.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PostingsLifecycleAndSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_postings_published_at",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "xmin",
                schema: "jobs",
                table: "postings");

            migrationBuilder.CreateSequence(
                name: "posting_announcements",
                schema: "jobs");

            migrationBuilder.RenameColumn(
                name: "skills",
                schema: "jobs",
                table: "postings",
                newName: "skills_old");

            migrationBuilder.AddColumn<string>(
                name: "skills",
                schema: "jobs",
                table: "postings",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "published_at",
                schema: "jobs",
                table: "postings",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AlterColumn<string>(
                name: "description",
                schema: "jobs",
                table: "postings",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(10000)",
                oldMaxLength: 10000,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "accepted_countries",
                schema: "jobs",
                table: "postings",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<long>(
                name: "announce_seq",
                schema: "jobs",
                table: "postings",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                schema: "jobs",
                table: "postings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "closing_reason",
                schema: "jobs",
                table: "postings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_at",
                schema: "jobs",
                table: "postings",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expires_at",
                schema: "jobs",
                table: "postings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "expiry_warned_at",
                schema: "jobs",
                table: "postings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "held_at",
                schema: "jobs",
                table: "postings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hold_reason",
                schema: "jobs",
                table: "postings",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "locations",
                schema: "jobs",
                table: "postings",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "revision",
                schema: "jobs",
                table: "postings",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "salary_period",
                schema: "jobs",
                table: "postings",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "salary_yearly_max",
                schema: "jobs",
                table: "postings",
                type: "numeric(16,2)",
                precision: 16,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "salary_yearly_min",
                schema: "jobs",
                table: "postings",
                type: "numeric(16,2)",
                precision: 16,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "search_facts",
                schema: "jobs",
                table: "postings",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "search_tokens",
                schema: "jobs",
                table: "postings",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "skill_ids",
                schema: "jobs",
                table: "postings",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<string>(
                name: "status",
                schema: "jobs",
                table: "postings",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Postings from before this migration: published ones stay published for 30 days from their publication; one
            // without a salary range (then optional) becomes a draft its employer must complete. Old skills keep their
            // level, weight and whether they were required; the old free-text location becomes a city without a country.
            migrationBuilder.Sql("""
                UPDATE jobs.postings p SET
                  status = CASE WHEN p.salary_min IS NULL OR p.salary_max IS NULL OR p.salary_currency IS NULL THEN 'Draft' ELSE 'Published' END,
                  created_at = p.published_at,
                  revision = 1,
                  salary_period = 'Year',
                  salary_yearly_min = coalesce(p.salary_min, 0),
                  salary_yearly_max = coalesce(p.salary_max, 0),
                  locations = CASE WHEN p.location IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(jsonb_build_object('city', p.location, 'country', '')) END,
                  accepted_countries = '[]'::jsonb,
                  skills = coalesce((
                    SELECT jsonb_agg(jsonb_build_object(
                      'skillId', coalesce(e.value->>'SkillId', e.value->>'skill_id'),
                      'minLevel', coalesce(e.value->>'MinLevel', e.value->>'min_level')::int,
                      'weight', coalesce(e.value->>'Weight', e.value->>'weight')::int,
                      'required', coalesce(e.value->>'Required', e.value->>'required')::boolean,
                      'dealbreaker', false) ORDER BY e.ordinality)
                    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p.skills_old) = 'array' THEN p.skills_old ELSE '[]'::jsonb END) WITH ORDINALITY AS e), '[]'::jsonb),
                  salary_min = coalesce(p.salary_min, 0),
                  salary_max = coalesce(p.salary_max, 0),
                  salary_currency = coalesce(p.salary_currency, 'EUR');
                UPDATE jobs.postings SET expires_at = published_at + interval '30 days' WHERE status = 'Published';
                UPDATE jobs.postings SET published_at = NULL WHERE status = 'Draft';
                UPDATE jobs.postings p SET search_tokens = (
                  SELECT string_agg(format('''sk:%s'':%s%s', e.value->>'skillId', e.ordinality, CASE WHEN (e.value->>'required')::boolean THEN 'A' ELSE 'B' END), ' ')
                  FROM jsonb_array_elements(p.skills) WITH ORDINALITY AS e);
                UPDATE jobs.postings p SET skill_ids = ARRAY(SELECT e->>'skillId' FROM jsonb_array_elements(p.skills) AS e);
                ALTER TABLE jobs.postings DROP COLUMN skills_old;
                """);

            migrationBuilder.DropColumn(
                name: "location",
                schema: "jobs",
                table: "postings");

            migrationBuilder.AlterColumn<decimal>(
                name: "salary_min",
                schema: "jobs",
                table: "postings",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m,
                oldClrType: typeof(decimal),
                oldType: "numeric(12,2)",
                oldPrecision: 12,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.AlterColumn<decimal>(
                name: "salary_max",
                schema: "jobs",
                table: "postings",
                type: "numeric(14,2)",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0m,
                oldClrType: typeof(decimal),
                oldType: "numeric(12,2)",
                oldPrecision: 12,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "salary_currency",
                schema: "jobs",
                table: "postings",
                type: "character varying(3)",
                maxLength: 3,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(3)",
                oldMaxLength: 3,
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "posting_reports",
                schema: "jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reporter_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    details = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolved_by = table.Column<Guid>(type: "uuid", nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posting_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "saved_searches",
                schema: "jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    criteria = table.Column<string>(type: "jsonb", nullable: false),
                    frequency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_alert_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    next_alert_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    announced_up_to = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_searches", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_postings_announce_seq",
                schema: "jobs",
                table: "postings",
                column: "announce_seq",
                filter: "announce_seq IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_postings_company_id",
                schema: "jobs",
                table: "postings",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_postings_employer_id",
                schema: "jobs",
                table: "postings",
                column: "employer_id");

            migrationBuilder.CreateIndex(
                name: "ix_postings_published_newest",
                schema: "jobs",
                table: "postings",
                columns: new[] { "published_at", "id" },
                descending: new bool[0],
                filter: "status = 'Published'");

            migrationBuilder.CreateIndex(
                name: "ix_postings_status_expires_at",
                schema: "jobs",
                table: "postings",
                columns: new[] { "status", "expires_at" });

            migrationBuilder.CreateIndex(
                name: "ix_posting_reports_posting_id",
                schema: "jobs",
                table: "posting_reports",
                column: "posting_id");

            migrationBuilder.CreateIndex(
                name: "ix_posting_reports_posting_id_reporter_id",
                schema: "jobs",
                table: "posting_reports",
                columns: new[] { "posting_id", "reporter_id" },
                unique: true,
                filter: "status = 'Open'");

            migrationBuilder.CreateIndex(
                name: "ix_posting_reports_status_created_at",
                schema: "jobs",
                table: "posting_reports",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_saved_searches_next_alert_at",
                schema: "jobs",
                table: "saved_searches",
                column: "next_alert_at",
                filter: "next_alert_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_saved_searches_user_id",
                schema: "jobs",
                table: "saved_searches",
                column: "user_id");

            // Left out of the model, so that loading a posting never reads them (see PostingSearchColumns): the weighted
            // document search matches and ranks, its GIN index, and the salary order within a currency.
            migrationBuilder.Sql("""
                ALTER TABLE jobs.postings ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('english'::regconfig, title), 'A') ||
                  setweight(to_tsvector('english'::regconfig, company), 'B') ||
                  setweight(to_tsvector('english'::regconfig, coalesce(search_facts, '')), 'B') ||
                  setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'D') ||
                  coalesce(search_tokens, '')::tsvector) STORED;
                CREATE INDEX ix_postings_search_document ON jobs.postings USING gin (search_document);
                CREATE INDEX ix_postings_published_salary ON jobs.postings (salary_currency, salary_yearly_max DESC, id DESC) WHERE status = 'Published';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "posting_reports",
                schema: "jobs");

            migrationBuilder.DropTable(
                name: "saved_searches",
                schema: "jobs");

            migrationBuilder.DropIndex(
                name: "ix_postings_announce_seq",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropIndex(
                name: "ix_postings_company_id",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropIndex(
                name: "ix_postings_employer_id",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropIndex(
                name: "ix_postings_published_newest",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropIndex(
                name: "ix_postings_status_expires_at",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "accepted_countries",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "announce_seq",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "closed_at",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "closing_reason",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "created_at",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "expires_at",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "expiry_warned_at",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "held_at",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "hold_reason",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "locations",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "revision",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "salary_period",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "salary_yearly_max",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "salary_yearly_min",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "search_facts",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "search_tokens",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "skill_ids",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropColumn(
                name: "status",
                schema: "jobs",
                table: "postings");

            migrationBuilder.DropSequence(
                name: "posting_announcements",
                schema: "jobs");

            migrationBuilder.AlterColumn<string>(
                name: "skills",
                schema: "jobs",
                table: "postings",
                type: "jsonb",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "jsonb");

            migrationBuilder.AlterColumn<decimal>(
                name: "salary_min",
                schema: "jobs",
                table: "postings",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(14,2)",
                oldPrecision: 14,
                oldScale: 2);

            migrationBuilder.AlterColumn<decimal>(
                name: "salary_max",
                schema: "jobs",
                table: "postings",
                type: "numeric(12,2)",
                precision: 12,
                scale: 2,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "numeric(14,2)",
                oldPrecision: 14,
                oldScale: 2);

            migrationBuilder.AlterColumn<string>(
                name: "salary_currency",
                schema: "jobs",
                table: "postings",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(3)",
                oldMaxLength: 3);

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "published_at",
                schema: "jobs",
                table: "postings",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "description",
                schema: "jobs",
                table: "postings",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(20000)",
                oldMaxLength: 20000,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "location",
                schema: "jobs",
                table: "postings",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                schema: "jobs",
                table: "postings",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateIndex(
                name: "ix_postings_published_at",
                schema: "jobs",
                table: "postings",
                column: "published_at");
        }
    }
}
