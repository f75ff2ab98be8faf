using Npgsql;

namespace NewsPortal.IntegrationTests.Infrastructure;

/// <summary>
/// Which database the integration suite runs on: SQLite by default, PostgreSQL when NEWSPORTAL_TEST_PROVIDER
/// is "Postgres". PostgreSQL databases are created fresh on the server in NEWSPORTAL_TEST_POSTGRES (started by
/// scripts/test.sh) and dropped afterwards. A missing server is an error, never a reason to skip.
/// </summary>
public static class TestDatabases
{
    public const string ProviderVariable = "NEWSPORTAL_TEST_PROVIDER";
    public const string PostgresVariable = "NEWSPORTAL_TEST_POSTGRES";
    public const string RedisVariable = "NEWSPORTAL_TEST_REDIS";

    public static string Provider
    {
        get
        {
            var provider = Environment.GetEnvironmentVariable(ProviderVariable);
            return provider switch
            {
                null or "" or "Sqlite" => "Sqlite",
                "Postgres" => "Postgres",
                _ => throw new InvalidOperationException($"{ProviderVariable} is '{provider}'; use Sqlite or Postgres."),
            };
        }
    }

    /// <summary>The server's connection string (to its "postgres" database, as a user who may create databases).</summary>
    public static string PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server
            ? server
            : throw new InvalidOperationException(
                $"These tests need PostgreSQL, but {PostgresVariable} is not set. Run scripts/test.sh, which starts a throwaway server, " +
                $"or set {PostgresVariable} to an Npgsql connection string for a user who may create databases.");

    /// <summary>Redis as host:port, for the tests of several instances.</summary>
    public static string RedisServer =>
        Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } redis
            ? redis
            : throw new InvalidOperationException(
                $"These tests need Redis, but {RedisVariable} is not set. Run scripts/test.sh, which starts a throwaway server, or set it to host:port.");

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static string CreatePostgres()
    {
        var name = "np_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(PostgresServer))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;
    }

    public static void DropPostgres(string connectionString)
    {
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        using var connection = new NpgsqlConnection(PostgresServer);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }
}

/// <summary>
/// Test traits for the PostgreSQL run of the suite (scripts/test.sh runs it with
/// <c>--filter "Provider!=SqliteOnly&amp;Provider!=ProviderIndependent"</c>).
/// </summary>
public static class DatabaseTrait
{
    public const string Name = "Provider";

    /// <summary>Needs the SQLite file itself (e.g. copying or inspecting it), so it has no PostgreSQL twin.</summary>
    public const string SqliteOnly = "SqliteOnly";

    /// <summary>
    /// Does the same whatever the run's provider (it sets up the databases it needs itself, or needs none),
    /// so the PostgreSQL run would only repeat it.
    /// </summary>
    public const string ProviderIndependent = "ProviderIndependent";
}
