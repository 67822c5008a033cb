using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Jobs.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Applications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "applications",
                schema: "jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: true),
                    applicant_id = table.Column<Guid>(type: "uuid", nullable: true),
                    stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    cover_note = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    cv_text = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true),
                    profile = table.Column<string>(type: "jsonb", nullable: true),
                    match = table.Column<string>(type: "jsonb", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    history = table.Column<string>(type: "jsonb", nullable: false),
                    notes = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "rejection_templates",
                schema: "jobs",
                columns: table => new
                {
                    owner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rejection_templates", x => x.owner_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_applications_applicant_id",
                schema: "jobs",
                table: "applications",
                column: "applicant_id");

            migrationBuilder.CreateIndex(
                name: "ix_applications_posting_id_applicant_id",
                schema: "jobs",
                table: "applications",
                columns: new[] { "posting_id", "applicant_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_applications_posting_id_stage_submitted_at",
                schema: "jobs",
                table: "applications",
                columns: new[] { "posting_id", "stage", "submitted_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "applications",
                schema: "jobs");

            migrationBuilder.DropTable(
                name: "rejection_templates",
                schema: "jobs");
        }
    }
}
