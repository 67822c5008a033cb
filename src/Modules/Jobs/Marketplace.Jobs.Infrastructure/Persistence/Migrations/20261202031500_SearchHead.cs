using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Jobs.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The head of a posting's search document (title, company, facts, skill and country tokens; no description), which search
    /// ranks with: small enough to stay in the row, where ranking over the whole document decompressed every description.
    /// Left out of the model like search_document (see PostingSearchColumns). Search reads only published postings, so
    /// their GIN index holds only those (no second index to intersect with). Only SQL and no change to the model, so no
    /// designer file: the model snapshot stays as the migration Applications left it.
    /// </summary>
    [DbContext(typeof(JobsDbContext))]
    [Migration("20261202031500_SearchHead")]
    public partial class SearchHead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE jobs.postings ADD COLUMN search_head tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('english'::regconfig, title), 'A') ||
                  setweight(to_tsvector('english'::regconfig, company), 'B') ||
                  setweight(to_tsvector('english'::regconfig, coalesce(search_facts, '')), 'B') ||
                  coalesce(search_tokens, '')::tsvector) STORED;
                DROP INDEX jobs.ix_postings_search_document;
                CREATE INDEX ix_postings_search_document ON jobs.postings USING gin (search_document) WHERE status = 'Published';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE jobs.postings DROP COLUMN search_head;
                DROP INDEX jobs.ix_postings_search_document;
                CREATE INDEX ix_postings_search_document ON jobs.postings USING gin (search_document);
                """);
        }
    }
}
