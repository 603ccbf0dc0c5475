import * as React from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { saveAnywayOnce } from "./addin";

/** Shown when the pane was opened by a held-back save: 仍然保存 saves that workbook once, findings or not. */
export function SaveAnyway({ app }: { app: unknown }) {
  const [done, setDone] = React.useState<string | undefined>();
  if (done) return <MessageBar intent="success"><MessageBarBody>{done}</MessageBarBody></MessageBar>;
  return (
    <MessageBar intent="warning" aria-label="保存已暂停">
      <MessageBarBody>
        <MessageBarTitle>保存已暂停</MessageBarTitle>
        表中还有强制问题。修改后再保存；确需先保存的，可以点「仍然保存」（只放行这一次）。
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={() => setDone(saveAnywayOnce(app))}>仍然保存</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
