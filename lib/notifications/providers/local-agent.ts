import "server-only";
import https from "node:https";
import net from "node:net";
import tls from "node:tls";

// Some SDKs speak HTTPS only and hard-code their host (firebase-admin → fcm.googleapis.com;
// web-push uses https.request even for http:// endpoints). This agent connects their requests
// to another server instead — the local provider servers of development and tests. With no
// target it keeps the requested host; a plain "http:" target or endpoint skips TLS.
export class RedirectingAgent extends https.Agent {
  constructor(private readonly target: URL | null) {
    super({ keepAlive: true, maxSockets: 50 });
  }

  override createConnection(options: tls.ConnectionOptions): net.Socket {
    const host = this.target?.hostname ?? options.host ?? "localhost";
    const port = Number(this.target?.port || options.port || 443);
    if (!this.target || this.target.protocol === "http:") return net.connect({ host, port });
    return tls.connect({ ...options, host, port, servername: host });
  }
}
