using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Courses.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DailySkillDemand : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "skill_demand_daily",
                schema: "courses",
                columns: table => new
                {
                    skill_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    required_count = table.Column<int>(type: "integer", nullable: false),
                    nice_to_have_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_skill_demand_daily", x => new { x.skill_id, x.day });
                });

            migrationBuilder.CreateIndex(
                name: "ix_skill_demand_daily_day",
                schema: "courses",
                table: "skill_demand_daily",
                column: "day");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "skill_demand_daily",
                schema: "courses");
        }
    }
}
