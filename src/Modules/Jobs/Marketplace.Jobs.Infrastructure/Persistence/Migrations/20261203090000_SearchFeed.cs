using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Jobs.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The postings' change feed for the in-process search index (IndexedPostingSearch): every written row is stamped with
    /// its transaction id, indexed so a search reads only what changed since its index's watermark; a truncation advances an
    /// epoch sequence (not owned by the table, so resetting the table leaves it), which makes every index load again.
    /// Only SQL and no change to the model (the column is left out of it like search_document), so no designer file.
    /// </summary>
    [DbContext(typeof(JobsDbContext))]
    [Migration("20261203090000_SearchFeed")]
    public partial class SearchFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE jobs.postings ADD COLUMN search_xid xid8;
                CREATE FUNCTION jobs.stamp_search_xid() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.search_xid := pg_current_xact_id();
                  RETURN NEW;
                END $$;
                CREATE TRIGGER stamp_search_xid BEFORE INSERT OR UPDATE ON jobs.postings FOR EACH ROW EXECUTE FUNCTION jobs.stamp_search_xid();
                UPDATE jobs.postings SET search_xid = pg_current_xact_id();
                ALTER TABLE jobs.postings ALTER COLUMN search_xid SET NOT NULL;
                CREATE INDEX ix_postings_search_xid ON jobs.postings (search_xid);
                CREATE SEQUENCE jobs.postings_search_epoch;
                CREATE FUNCTION jobs.advance_search_epoch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  PERFORM nextval('jobs.postings_search_epoch');
                  RETURN NULL;
                END $$;
                CREATE TRIGGER advance_search_epoch BEFORE TRUNCATE ON jobs.postings FOR EACH STATEMENT EXECUTE FUNCTION jobs.advance_search_epoch();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER advance_search_epoch ON jobs.postings;
                DROP FUNCTION jobs.advance_search_epoch();
                DROP SEQUENCE jobs.postings_search_epoch;
                DROP TRIGGER stamp_search_xid ON jobs.postings;
                DROP FUNCTION jobs.stamp_search_xid();
                ALTER TABLE jobs.postings DROP COLUMN search_xid;
                """);
        }
    }
}
