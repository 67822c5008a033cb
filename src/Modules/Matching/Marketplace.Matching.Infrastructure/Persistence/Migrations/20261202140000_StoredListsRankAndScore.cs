using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Infrastructure.Persistence.Migrations
{
    /// <summary>Stored lists keep rank and score only; explanations are made on read (ADR 0006).</summary>
    public partial class StoredListsRankAndScore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(name: "parts", schema: "matching", table: "profile_matches");
            migrationBuilder.DropColumn(name: "summary", schema: "matching", table: "profile_matches");
            migrationBuilder.DropColumn(name: "parts", schema: "matching", table: "posting_candidates");
            migrationBuilder.DropColumn(name: "summary", schema: "matching", table: "posting_candidates");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "profile_matches", "posting_candidates" })
            {
                migrationBuilder.AddColumn<string>(name: "parts", schema: "matching", table: table, type: "jsonb", nullable: false, defaultValue: "[]");
                migrationBuilder.AddColumn<string>(name: "summary", schema: "matching", table: table, type: "jsonb", nullable: false, defaultValue: "{}");
            }
        }
    }
}
