using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Profiles.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Profiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cv_documents",
                schema: "profiles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: false),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cv_documents", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "profiles",
                schema: "profiles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    headline = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    summary = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    skills = table.Column<string>(type: "jsonb", nullable: false),
                    preferences = table.Column<string>(type: "jsonb", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_profiles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unrecognised_mentions",
                schema: "profiles",
                columns: table => new
                {
                    mention_key = table.Column<string>(type: "character varying(101)", maxLength: 101, nullable: false),
                    example = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    sightings = table.Column<int>(type: "integer", nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unrecognised_mentions", x => x.mention_key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_unrecognised_mentions_sightings",
                schema: "profiles",
                table: "unrecognised_mentions",
                column: "sightings");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cv_documents",
                schema: "profiles");

            migrationBuilder.DropTable(
                name: "profiles",
                schema: "profiles");

            migrationBuilder.DropTable(
                name: "unrecognised_mentions",
                schema: "profiles");
        }
    }
}
