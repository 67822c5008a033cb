using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Marketplace.ArchitectureTests;

/// <summary>Each module keeps its tables in its own schema, so no query can join across modules by accident.</summary>
public sealed class SchemaTests
{
    /// <summary>Tables mapped outside the expected schema, as "Entity -> schema.table".</summary>
    internal static IReadOnlyList<string> TablesOutsideSchema(DbContext context, string schema) =>
        context.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null && e.GetSchema() != schema)
            .Select(e => $"{e.ClrType.Name} -> {e.GetSchema() ?? "(default)"}.{e.GetTableName()}")
            .ToList();

    private static IEnumerable<(string Module, string Schema, DbContext Context)> ModuleContexts()
    {
        foreach (var module in Modules.All)
        {
            var factories = module.Layer(Marketplace.BuildingBlocks.Infrastructure.Modules.ModuleLayer.Infrastructure).GetTypes()
                .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i =>
                    i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDesignTimeDbContextFactory<>)));
            foreach (var factory in factories)
            {
                var create = factory.GetMethod("CreateDbContext")!;
                yield return (module.Title, module.Schema, (DbContext)create.Invoke(Activator.CreateInstance(factory), [Array.Empty<string>()])!);
            }
        }
    }

    [Fact]
    public void Every_module_with_persistence_has_a_design_time_context_in_its_own_schema()
    {
        var contexts = ModuleContexts().ToList();
        contexts.Select(c => c.Module).ShouldBe(Modules.Names, ignoreOrder: true);
        foreach (var (_, schema, context) in contexts)
        {
            using (context)
            {
                TablesOutsideSchema(context, schema).ShouldBeEmpty($"{context.GetType().Name}");
                context.Model.GetEntityTypes().ShouldNotBeEmpty();
            }
        }
    }

    [Fact]
    public void A_table_in_another_modules_schema_is_caught()
    {
        using var context = new Violations.CrossSchema.ContextReachingIntoJobs(
            new DbContextOptionsBuilder<Violations.CrossSchema.ContextReachingIntoJobs>().UseNpgsql("Host=localhost").Options);
        TablesOutsideSchema(context, "profiles").ShouldHaveSingleItem().ShouldContain("jobs.postings");
    }
}
