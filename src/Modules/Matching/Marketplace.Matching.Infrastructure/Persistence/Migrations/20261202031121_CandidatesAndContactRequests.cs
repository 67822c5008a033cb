using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CandidatesAndContactRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "contact_requests",
                schema: "matching",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: true),
                    profile_id = table.Column<Guid>(type: "uuid", nullable: false),
                    requested_by = table.Column<Guid>(type: "uuid", nullable: true),
                    posting_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    company = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_requests", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "pseudonym_secrets",
                schema: "matching",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    @sealed = table.Column<string>(name: "sealed", type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pseudonym_secrets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "saved_rankings",
                schema: "matching",
                columns: table => new
                {
                    posting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    weights = table.Column<string>(type: "jsonb", nullable: false),
                    dealbreakers = table.Column<string>(type: "jsonb", nullable: false),
                    saved_by = table.Column<Guid>(type: "uuid", nullable: true),
                    saved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_saved_rankings", x => x.posting_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_contact_requests_posting_id_profile_id",
                schema: "matching",
                table: "contact_requests",
                columns: new[] { "posting_id", "profile_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contact_requests_profile_id",
                schema: "matching",
                table: "contact_requests",
                column: "profile_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "contact_requests",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "pseudonym_secrets",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "saved_rankings",
                schema: "matching");
        }
    }
}
