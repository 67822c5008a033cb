using Npgsql;

namespace Marketplace.Testing;

/// <summary>Looks for a value in every text-like column of every table of every schema of a database (the secrets check).</summary>
public static class PlaintextSearch
{
    /// <summary>The columns searched ("schema.table.column") and those where the value occurs.</summary>
    public sealed record Outcome(IReadOnlyList<string> Searched, IReadOnlyList<string> Found);

    public static async Task<Outcome> SearchAsync(string connectionString, string value)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Schema, string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand(
            """
            SELECT c.table_schema, c.table_name, c.column_name, c.data_type
            FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema')
              AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'xml')
            ORDER BY 1, 2, 3
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }
        }

        var found = new List<string>();
        foreach (var (schema, table, column, type) in columns)
        {
            // Names come from the catalog, quoted; the value is a parameter. bytea is searched for the value's UTF-8 bytes.
            var condition = type == "bytea"
                ? $"""position(convert_to(@value, 'UTF8') in "{column}") > 0"""
                : $"""position(@value in "{column}"::text) > 0""";
            await using var search = new NpgsqlCommand($"""SELECT EXISTS (SELECT 1 FROM "{schema}"."{table}" WHERE {condition})""", connection);
            search.Parameters.AddWithValue("value", value);
            if ((bool)(await search.ExecuteScalarAsync())!)
            {
                found.Add($"{schema}.{table}.{column}");
            }
        }

        return new Outcome([.. columns.Select(c => $"{c.Schema}.{c.Table}.{c.Column}")], found);
    }
}
