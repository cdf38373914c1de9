import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Popover, Typography } from 'antd';
import { useState } from 'react';
import { SHORTCUT_HELP, SHOW_HELP, shortcutText } from './shortcut-keys';
import { useShortcut } from './use-shortcut';
import './shortcuts.css';

function ShortcutList() {
  return (
    <dl className="shortcut-help" data-testid="shortcut-help">
      {SHORTCUT_HELP.map(({ shortcut, action }) => (
        <div key={shortcutText(shortcut)} className="shortcut-help__row">
          <dt>
            <Typography.Text keyboard>{shortcutText(shortcut)}</Typography.Text>
          </dt>
          <dd>{action}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A "?" button listing the keyboard shortcuts; the ? key opens it too. */
export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  useShortcut(SHOW_HELP, () => setOpen((current) => !current));
  return (
    <Popover
      title="键盘快捷键"
      content={<ShortcutList />}
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
    >
      <Button icon={<QuestionCircleOutlined />} aria-label="键盘快捷键（?）" title="键盘快捷键（?）">
        快捷键
      </Button>
    </Popover>
  );
}
