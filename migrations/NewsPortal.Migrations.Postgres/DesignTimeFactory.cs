using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using NewsPortal.Core.Data;

namespace NewsPortal.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the model for PostgreSQL without starting the web host or a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<NewsDbContext>
{
    public NewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NewsDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=newsportal_design;Username=newsportal", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
            .Options);
}
