using NewsPortal.IntegrationTests.Infrastructure;
using NewsPortal.IntegrationTests.Operations;

namespace NewsPortal.IntegrationTests.ScaleOut;

/// <summary>
/// What an operator reads in the log when two instances, real processes, start together on an empty
/// PostgreSQL database with Redis and a key-ring certificate, as the compose deployment starts them.
/// (Processes, because instances sharing one test process also share Serilog's static logger.)
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class StartingOnAnEmptyDatabase
{
    [Fact]
    public async Task Two_instances_migrating_an_empty_database_log_no_error_and_no_unencrypted_key_warning()
    {
        var database = TestDatabases.CreatePostgres();
        var folder = Directory.CreateTempSubdirectory("newsportal-empty-start-");
        try
        {
            const string Password = "pfx-password-for-tests";
            var certificate = Path.Combine(folder.FullName, "key-ring.pfx");
            await File.WriteAllBytesAsync(certificate, TwoInstancesBehindNginx.SelfSignedCertificate(Password));
            var settings = new Dictionary<string, string>
            {
                ["Database:Provider"] = "Postgres",
                ["Database:ConnectionString"] = database,
                ["Redis:Configuration"] = TestDatabases.RedisServer,
                ["Redis:InstanceName"] = $"np-test-{Guid.NewGuid():N}:",
                ["DataProtection:CertificatePath"] = certificate,
                ["DataProtection:CertificatePassword"] = Password,
            };

            var started = await Task.WhenAll(Start("a"), Start("b"));
            await using var a = started[0];
            await using var b = started[1];
            // A form needs a key: the first one is made (and encrypted) now, and its warning would come now.
            foreach (var instance in started)
            {
                Assert.True((await instance.Client().GetAsync("message")).IsSuccessStatusCode);
            }

            foreach (var instance in started)
            {
                var output = string.Join('\n', instance.Output);
                Assert.DoesNotMatch(@"\d (ERR|FTL)\]", output);
                Assert.DoesNotContain("__EFMigrationsHistory", output);
                Assert.DoesNotContain("No XML encryptor configured", output);
            }

            Task<PortalProcess> Start(string name)
            {
                var own = Directory.CreateDirectory(Path.Combine(folder.FullName, name)).FullName;
                return PortalProcess.StartAsync(own, settings, TimeSpan.FromMinutes(3));
            }
        }
        finally
        {
            TestDatabases.DropPostgres(database);
            folder.Delete(recursive: true);
        }
    }
}
