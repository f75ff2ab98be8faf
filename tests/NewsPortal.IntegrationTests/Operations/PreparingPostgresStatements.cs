using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.Web.Setup;
using Npgsql;

namespace NewsPortal.IntegrationTests.Operations;

/// <summary>Npgsql prepares the statements a connection runs often, unless the configuration says otherwise.</summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class PreparingPostgresStatements
{
    [Theory]
    [InlineData("Host=db;Database=news;Username=portal", Database.PostgresAutoPrepared)]
    [InlineData("Host=db;Database=news;Username=portal;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=news;Username=portal;MaxAutoPrepare=12", 12)]
    public void The_configured_value_wins_and_otherwise_statements_are_prepared(string configured, int expected)
    {
        var built = new NpgsqlConnectionStringBuilder(Database.PostgresConnectionString(configured));

        Assert.Equal(expected, built.MaxAutoPrepare);
        Assert.Equal("db", built.Host);
        Assert.Equal("news", built.Database);
        Assert.Equal("portal", built.Username);
    }

    [Fact]
    public async Task The_running_portal_on_postgresql_prepares_statements_and_still_answers_pages()
    {
        using var factory = new UncachedPortalFactory("Postgres");
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            Assert.Equal(Database.PostgresAutoPrepared, new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).MaxAutoPrepare);
        }

        var client = factory.CreateBrowserClient();
        for (var i = 0; i < 10; i++)
        {
            Html.AssertStatus(await client.GetAsync("/"), System.Net.HttpStatusCode.OK);
            Html.AssertStatus(await client.GetAsync("/section/city"), System.Net.HttpStatusCode.OK);
        }
    }
}
