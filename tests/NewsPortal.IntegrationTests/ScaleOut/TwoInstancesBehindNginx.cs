using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.ScaleOut;

/// <summary>
/// The compose deployment on one machine: two instances of the portal started together on one empty
/// PostgreSQL database and one Redis, sharing one media folder and one key-ring certificate, with a real
/// nginx running the shipped deploy/nginx.conf in front of them on a port other than 80. Neither instance
/// is told the public address (no Site:BaseUrl), so whatever they know of it comes through nginx.
/// </summary>
public sealed class TwoInstancesBehindNginx : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsportal-behind-nginx-").FullName;

    public string Database { get; } = TestDatabases.CreatePostgres();

    public string RedisPrefix { get; } = $"np-test-{Guid.NewGuid():N}:";

    /// <summary>The one folder both instances keep uploaded images in, as the compose file's media volume.</summary>
    public string MediaFolder => Path.Combine(_folder, "media");

    public PortalInstance A { get; private set; } = null!;

    public PortalInstance B { get; private set; } = null!;

    public NginxProxy Nginx { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var certificate = Path.Combine(_folder, "key-ring.pfx");
        const string Password = "pfx-password-for-tests";
        await File.WriteAllBytesAsync(certificate, SelfSignedCertificate(Password));

        A = Instance(certificate, Password);
        B = Instance(certificate, Password);
        await Task.WhenAll(Task.Run(A.Start), Task.Run(B.Start));
        Nginx = await NginxProxy.StartAsync([new Uri(A.BaseUrl).Authority, new Uri(B.BaseUrl).Authority]);
    }

    public async Task DisposeAsync()
    {
        await Nginx.DisposeAsync();
        await A.DisposeAsync();
        await B.DisposeAsync();
        TestDatabases.DropPostgres(Database);
        Directory.Delete(_folder, recursive: true);
    }

    private PortalInstance Instance(string certificate, string password) =>
        PortalInstance.OnPostgres(Database, RedisPrefix,
            ("Media:Folder", MediaFolder),
            ("DataProtection:CertificatePath", certificate),
            ("DataProtection:CertificatePassword", password));

    public static byte[] SelfSignedCertificate(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=NewsPortal key ring", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return certificate.Export(X509ContentType.Pfx, password);
    }
}
