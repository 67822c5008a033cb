using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Matching.Infrastructure.Persistence.Migrations
{
    /// <summary>Stored lists keep (owner, other side, score), keyed by the pair; order and explanations are made on read (ADR 0006).</summary>
    public partial class StoredListsPairAndScore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, owner, other) in new[] { ("profile_matches", "profile_id", "posting_id"), ("posting_candidates", "posting_id", "profile_id") })
            {
                migrationBuilder.DropPrimaryKey(name: $"pk_{table}", schema: "matching", table: table);
                migrationBuilder.DropColumn(name: "rank", schema: "matching", table: table);
                migrationBuilder.DropColumn(name: "parts", schema: "matching", table: table);
                migrationBuilder.DropColumn(name: "summary", schema: "matching", table: table);
                migrationBuilder.AddPrimaryKey(name: $"pk_{table}", schema: "matching", table: table, columns: [owner, other]);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The stored lists are derived data: the next full rematch writes them again.
            foreach (var (table, owner) in new[] { ("profile_matches", "profile_id"), ("posting_candidates", "posting_id") })
            {
                migrationBuilder.Sql($"DELETE FROM matching.{table};");
                migrationBuilder.DropPrimaryKey(name: $"pk_{table}", schema: "matching", table: table);
                migrationBuilder.AddColumn<int>(name: "rank", schema: "matching", table: table, type: "integer", nullable: false, defaultValue: 0);
                migrationBuilder.AddColumn<string>(name: "parts", schema: "matching", table: table, type: "jsonb", nullable: false, defaultValue: "[]");
                migrationBuilder.AddColumn<string>(name: "summary", schema: "matching", table: table, type: "jsonb", nullable: false, defaultValue: "{}");
                migrationBuilder.AddPrimaryKey(name: $"pk_{table}", schema: "matching", table: table, columns: [owner, "rank"]);
            }
        }
    }
}
