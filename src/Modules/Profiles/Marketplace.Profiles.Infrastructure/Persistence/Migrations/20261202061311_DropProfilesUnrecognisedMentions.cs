using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Profiles.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DropProfilesUnrecognisedMentions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unrecognised_mentions",
                schema: "profiles");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unrecognised_mentions",
                schema: "profiles",
                columns: table => new
                {
                    mention_key = table.Column<string>(type: "character varying(101)", maxLength: 101, nullable: false),
                    example = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sightings = table.Column<int>(type: "integer", nullable: false)
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
    }
}
