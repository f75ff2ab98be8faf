using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Platform.Data;

/// <summary>Which database the portal uses. Bound from the "Database" section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (default, a file under the data folder) or "Postgres".</summary>
    [Required, RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Database:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Connection string; for SQLite a relative file path is taken from the content root.</summary>
    [Required]
    public string ConnectionString { get; set; } = "Data Source=data/newsportal.db";

    /// <summary>Apply migrations at start-up. Turn off where a separate step migrates (several instances).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Add demo content to an empty database at start-up.</summary>
    public bool SeedDemoContent { get; set; } = true;
}
