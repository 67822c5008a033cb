using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Courses.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class LearningSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learning_sharing",
                schema: "courses",
                columns: table => new
                {
                    seeker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    with_employers = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learning_sharing", x => x.seeker_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learning_sharing",
                schema: "courses");
        }
    }
}
