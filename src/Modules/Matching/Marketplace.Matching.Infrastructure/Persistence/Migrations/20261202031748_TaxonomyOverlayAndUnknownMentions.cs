using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TaxonomyOverlayAndUnknownMentions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "unrecognised",
                schema: "matching",
                table: "profiles",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "taxonomy_overlay",
                schema: "matching",
                columns: table => new
                {
                    position = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    description = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    changed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_taxonomy_overlay", x => x.position);
                });

            migrationBuilder.CreateTable(
                name: "unknown_mention_sightings",
                schema: "matching",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unknown_mention_sightings", x => new { x.key, x.source, x.source_id });
                });

            migrationBuilder.CreateTable(
                name: "unknown_mentions",
                schema: "matching",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sightings = table.Column<int>(type: "integer", nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    resolution = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    resolved_skill_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    resolved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    resolved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unknown_mentions", x => x.key);
                });

            migrationBuilder.CreateIndex(
                name: "ix_unknown_mentions_sightings_last_seen_at",
                schema: "matching",
                table: "unknown_mentions",
                columns: new[] { "sightings", "last_seen_at" },
                filter: "resolution IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "taxonomy_overlay",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "unknown_mention_sightings",
                schema: "matching");

            migrationBuilder.DropTable(
                name: "unknown_mentions",
                schema: "matching");

            migrationBuilder.DropColumn(
                name: "unrecognised",
                schema: "matching",
                table: "profiles");
        }
    }
}
