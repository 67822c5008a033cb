using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "matching");

            migrationBuilder.CreateSequence(
                name: "change_feed",
                schema: "matching");

            migrationBuilder.CreateTable(
                name: "feed_state",
                schema: "matching",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    stored_through = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feed_state", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "matching",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handler = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.event_id, x.handler });
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "matching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    relayed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "posting_candidates",
                schema: "matching",
                columns: table => new
                {
                    posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    parts = table.Column<string>(type: "jsonb", nullable: false),
                    summary = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_posting_candidates", x => new { x.posting_id, x.rank });
                });

            migrationBuilder.CreateTable(
                name: "postings",
                schema: "matching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "text", nullable: false),
                    company = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    skills = table.Column<string>(type: "jsonb", nullable: false),
                    seniority = table.Column<int>(type: "integer", nullable: true),
                    work_mode = table.Column<int>(type: "integer", nullable: false),
                    country = table.Column<string>(type: "text", nullable: true),
                    city = table.Column<string>(type: "text", nullable: true),
                    salary_min = table.Column<double>(type: "double precision", nullable: true),
                    salary_max = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_postings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "profile_matches",
                schema: "matching",
                columns: table => new
                {
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    parts = table.Column<string>(type: "jsonb", nullable: false),
                    summary = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profile_matches", x => new { x.profile_id, x.rank });
                });

            migrationBuilder.CreateTable(
                name: "profiles",
                schema: "matching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    removed = table.Column<bool>(type: "boolean", nullable: false),
                    visibility = table.Column<int>(type: "integer", nullable: false),
                    skills = table.Column<string>(type: "jsonb", nullable: false),
                    seniority = table.Column<int>(type: "integer", nullable: true),
                    remote = table.Column<int>(type: "integer", nullable: false),
                    country = table.Column<string>(type: "text", nullable: true),
                    city = table.Column<string>(type: "text", nullable: true),
                    willing_to_relocate = table.Column<bool>(type: "boolean", nullable: false),
                    min_yearly_salary = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profiles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rematch_batches",
                schema: "matching",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    part = table.Column<int>(type: "integer", nullable: false),
                    parts = table.Column<int>(type: "integer", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    done_by = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rematch_batches", x => new { x.run_id, x.number });
                });

            migrationBuilder.CreateTable(
                name: "rematch_runs",
                schema: "matching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    batches = table.Column<int>(type: "integer", nullable: false),
                    batches_done = table.Column<int>(type: "integer", nullable: false),
                    started_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rematch_runs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_occurred_at",
                schema: "matching",
                table: "outbox_messages",
                column: "occurred_at",
                filter: "relayed_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_postings_sequence",
                schema: "matching",
                table: "postings",
                column: "sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_profiles_sequence",
                schema: "matching",
                table: "profiles",
                column: "sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_rematch_runs_started_at",
                schema: "matching",
                table: "rematch_runs",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feed_state",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "posting_candidates",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "postings",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "profile_matches",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "profiles",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "rematch_batches",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "rematch_runs",
                schema: "matching");

            migrationBuilder.DropSequence(
                name: "change_feed",
                schema: "matching");
        }
    }
}
