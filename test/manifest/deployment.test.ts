/* eslint-disable @typescript-eslint/no-require-imports */
const config = require("../../webpack.config.js") as {
  deploymentUrl(production: boolean, env: { local?: boolean }): string;
  supportContact(): string;
  productionManifest(xml: string, url: string): string;
};

/** The build's view of where the add-in is deployed and who supports it (docs: README, Deploying). */
describe("deployment settings of the build", () => {
  const saved = { url: process.env.ADDIN_PROD_URL, contact: process.env.ADDIN_SUPPORT_CONTACT };
  afterEach(() => {
    for (const [key, value] of [
      ["ADDIN_PROD_URL", saved.url],
      ["ADDIN_SUPPORT_CONTACT", saved.contact],
    ] as const)
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
  });

  it("refuses a production build without ADDIN_PROD_URL, or with the placeholder, unless it is a local build", () => {
    delete process.env.ADDIN_PROD_URL;
    expect(() => config.deploymentUrl(true, {})).toThrow(/set ADDIN_PROD_URL .*npm run build:local/);
    process.env.ADDIN_PROD_URL = "https://compplan.example.com/";
    expect(() => config.deploymentUrl(true, {})).toThrow(/set ADDIN_PROD_URL/);
    expect(config.deploymentUrl(true, { local: true })).toBe("https://compplan.example.com/");
    process.env.ADDIN_PROD_URL = "https://addins.acme.test/compplan/";
    expect(config.deploymentUrl(true, {})).toBe("https://addins.acme.test/compplan/");
    // The manifest then points there, support page included.
    const manifest = config.productionManifest(
      '<SupportUrl DefaultValue="https://localhost:3000/help.html#support"/>',
      config.deploymentUrl(true, {}),
    );
    expect(manifest).toBe('<SupportUrl DefaultValue="https://addins.acme.test/compplan/help.html#support"/>');
  });

  it("names the support contact on the help page: an address as a mail link, else the deploying admin", () => {
    delete process.env.ADDIN_SUPPORT_CONTACT;
    expect(config.supportContact()).toBe("the administrator who deployed CompPlan in your organisation");
    process.env.ADDIN_SUPPORT_CONTACT = "comp-help@acme.test";
    expect(config.supportContact()).toBe('<a href="mailto:comp-help@acme.test">comp-help@acme.test</a>');
    process.env.ADDIN_SUPPORT_CONTACT = "RevOps <desk>";
    expect(config.supportContact()).toBe("RevOps &lt;desk&gt;");
  });
});
